import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createCheckpointsSuite } from '../src/index';
import { createMemorySubject } from './_memory-subject';

test('the subject is what is timed: a save that sleeps 20 ms gives Save p50 >= 20 ms, Load stays fast', async () => {
  const made: Array<ReturnType<typeof createMemorySubject>> = [];
  const suite = createCheckpointsSuite({
    subject: () => {
      const m = createMemorySubject({ saveDelayMs: 20 });
      made.push(m);
      return m.subject;
    },
    stateSize: { messages: 20, memoryEntries: 10 },
  });
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  const [save, load, compression] = result.benchmark_results as OkBenchmarkResult[];

  expect(result.benchmark_results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  expect(save?.latency_ms.p50).toBeGreaterThanOrEqual(20);
  expect(save?.metadata['subject']).toBe('memory subject');
  // Compression times save + load, so it carries the sleep too; Load does not.
  expect(compression?.latency_ms.p50).toBeGreaterThanOrEqual(20);
  expect(load?.latency_ms.p50).toBeLessThan(20);
  expect(load?.metadata['state_messages']).toBe(20);
  expect(compression?.metadata['codec']).toBe('gzip');

  // One fresh subject per benchmark, each closed once; Save's timed calls all reached the subject.
  expect(made).toHaveLength(3);
  expect(made.map((m) => m.calls.close)).toEqual([1, 1, 1]);
  expect(made[0]?.calls.save).toBe((save?.iterations ?? 0) + (save?.warmup_iterations ?? 0));
});

test('a subject object is shared by the three benchmarks and not closed by the suite', async () => {
  const { subject, calls } = createMemorySubject();
  const suite = createCheckpointsSuite({ subject, stateSize: { messages: 4, memoryEntries: 2 } });
  expect(suite.metadata?.['subject']).toBe('memory subject');
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  expect(result.benchmark_results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  expect(calls.close).toBe(0);
  expect(calls.save).toBeGreaterThan(0);
});
