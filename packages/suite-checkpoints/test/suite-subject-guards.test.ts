import type { FailedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createCheckpointsSuite } from '../src/index';
import { createMemorySubject } from './_memory-subject';

const small = { messages: 10, memoryEntries: 5 };

test('Compression fails, rather than timing, a subject that does not compress', async () => {
  const suite = createCheckpointsSuite({
    subject: () => createMemorySubject({ honoursCompress: false }).subject,
    stateSize: small,
  });
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  expect(result.benchmark_results.map((r) => r.status)).toEqual(['ok', 'ok', 'failed']);
  expect((result.benchmark_results[2] as FailedBenchmarkResult).reason).toMatch(/compression is off/);
});

test('Load and Compression fail when the subject loads something other than what was saved', async () => {
  const suite = createCheckpointsSuite({
    subject: () => createMemorySubject({ loadsWrongState: true }).subject,
    stateSize: small,
  });
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  expect(result.benchmark_results.map((r) => r.status)).toEqual(['ok', 'failed', 'failed']);
  expect((result.benchmark_results[1] as FailedBenchmarkResult).reason).toMatch(
    /did not return the state that was saved/,
  );
});

test('bad state sizes are rejected when the suite is created', () => {
  expect(() => createCheckpointsSuite({ stateSize: { messages: -1 } })).toThrow(/stateSize.messages/);
});
