import type { FailedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createInterruptsSuite, type InterruptsSubject } from '../src/index';
import { plainLoopSubject } from './_plain-subject';

const run = (subject: InterruptsSubject) =>
  runSuite(createInterruptsSuite({ subject }), { iterations: 2, warmup: 0, monitor: false });

test('a checkpoint holding more or fewer steps than were completed fails the benchmark, saying so', async () => {
  // Saves the interrupted step as if it had completed, or forgets one.
  for (const [steps, held] of [
    [(n: number) => n + 1, 3],
    [(n: number) => n - 1, 1],
  ] as const) {
    const result = await run(plainLoopSubject({ checkpointSteps: steps }));
    const checkpoint = result.benchmark_results[2] as FailedBenchmarkResult;
    expect(checkpoint.status).toBe('failed');
    expect(checkpoint.reason).toMatch(new RegExp(`holds ${held} steps .*want exactly the 2 completed steps`));
  }
}, 60_000);

test('a subject that reports no stop time fails Graceful Shutdown instead of timing something else', async () => {
  const result = await run(plainLoopSubject({ reportStops: false }));
  const shutdown = result.benchmark_results[1] as FailedBenchmarkResult;
  expect(shutdown.status).toBe('failed');
  expect(shutdown.reason).toMatch(/subject.run returned no stoppedAt/);
}, 60_000);

test('fastSteps is checked up front', () => {
  expect(() => createInterruptsSuite({ fastSteps: -1 })).toThrow(/fastSteps must be an integer from 0 to 20/);
});
