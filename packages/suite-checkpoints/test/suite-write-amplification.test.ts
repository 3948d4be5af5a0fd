import type { OkBenchmarkResult, SkippedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createCheckpointsSuite } from '../src/index';
import { createKeepAllSubject, createMemorySubject } from './_memory-subject';

interface Amplification {
  measured: boolean;
  reason?: string;
  saves: number;
  final_messages: number;
  final_state_json_bytes: number;
  states_json_bytes_total: number;
  bytes_written_total: number;
  stored_bytes: number;
  stored_bytes_empty: number;
  stored_over_final_state: number;
}

test('Save records the bytes a fresh subject stores after the saves of a growing conversation', async () => {
  const made: Array<ReturnType<typeof createKeepAllSubject>> = [];
  const suite = createCheckpointsSuite({
    subject: () => {
      const m = createKeepAllSubject();
      made.push(m);
      return m.subject;
    },
    stateSize: { messages: 22, memoryEntries: 3 },
  });
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  const save = result.benchmark_results[0] as OkBenchmarkResult;
  const amp = save.metadata['write_amplification'] as Amplification;

  // 22 messages, 4 per save: 6 saves (4, 8, ..., 20, 22 messages), on a subject of its own, closed.
  expect(made).toHaveLength(4);
  const grown = made[1] as ReturnType<typeof createKeepAllSubject>;
  expect(grown.saves).toHaveLength(6);
  expect(grown.closed.count).toBe(1);
  expect(amp).toMatchObject({ measured: true, saves: 6, final_messages: 22, stored_bytes_empty: 0 });

  // The conversation grew by 4 messages per save, up to the suite state's 22.
  expect(grown.messages).toEqual([4, 8, 12, 16, 20, 22]);
  // This subject keeps every save as plain JSON: it stores exactly the sum of the states' JSON bytes.
  const total = grown.saves.reduce((a, b) => a + b, 0);
  const sizes = grown.saves;
  expect(amp.final_state_json_bytes).toBe(sizes[5]);
  expect(amp.states_json_bytes_total).toBe(total);
  expect(amp.stored_bytes).toBe(total);
  expect(amp.bytes_written_total).toBe(total);
  expect(amp.stored_over_final_state).toBe(Math.round((total / (sizes[5] as number)) * 100) / 100);
});

test('the default CheckpointStore keeps 10 checkpoints: stored bytes stay under 10 copies of the newest state', async () => {
  const result = await runSuite(createCheckpointsSuite({ stateSize: { messages: 80, memoryEntries: 5 } }), {
    profile: 'quick',
    monitor: false,
  });
  const amp = (result.benchmark_results[0] as OkBenchmarkResult).metadata[
    'write_amplification'
  ] as Amplification;
  expect(amp).toMatchObject({ measured: true, saves: 20, final_messages: 80 });
  expect(amp.stored_bytes).toBeGreaterThan(amp.final_state_json_bytes);
  expect(amp.stored_over_final_state).toBeLessThanOrEqual(10.5);
  expect(amp.stored_bytes).toBeLessThan(amp.states_json_bytes_total);
});

test('a subject without storedBytes() says why nothing was measured, with no extra subject made', async () => {
  const made: unknown[] = [];
  const suite = createCheckpointsSuite({
    subject: () => {
      made.push(1);
      return createMemorySubject().subject;
    },
    stateSize: { messages: 4, memoryEntries: 1 },
  });
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  const amp = (result.benchmark_results[0] as OkBenchmarkResult).metadata[
    'write_amplification'
  ] as Amplification;
  expect(amp).toEqual({
    measured: false,
    reason: 'memory subject has no storedBytes(): it cannot say what it stores',
  });
  expect(made).toHaveLength(3);
});

test('a benchmark the subject declares unsupported is skipped with its reason, the others run', async () => {
  const made: Array<ReturnType<typeof createKeepAllSubject>> = [];
  const suite = createCheckpointsSuite({
    subject: () => {
      const m = createKeepAllSubject({ compression: 'no compression option' });
      made.push(m);
      return m.subject;
    },
    stateSize: { messages: 4, memoryEntries: 1 },
  });
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  expect(result.benchmark_results.map((r) => r.status)).toEqual(['ok', 'ok', 'skipped']);
  const skipped = result.benchmark_results[2] as SkippedBenchmarkResult;
  expect(skipped.reason).toBe('keep-all subject: no compression option');
  // The subject made to ask was closed, and never saved anything.
  const asked = made.at(-1) as ReturnType<typeof createKeepAllSubject>;
  expect(asked.closed.count).toBe(1);
  expect(asked.saves).toHaveLength(0);
});
