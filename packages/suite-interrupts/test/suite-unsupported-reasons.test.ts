import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createInterruptsSuite } from '../src/index';
import { plainLoopSubject } from './_plain-subject';

test("a subject's reasons for the sources it lacks go into Detection's metadata, and those sources never run", async () => {
  const subject = {
    ...plainLoopSubject(),
    // Listed as supported but named unsupported: the reason wins, the source is left out.
    sources: ['abort', 'timeout'] as const,
    unsupported: {
      timeout: 'no run-level timeout in this framework',
      budget: 'no cost budget in this framework',
      signal: 'no OS-signal handling in this framework',
    },
  };
  const result = await runSuite(createInterruptsSuite({ subject }), {
    iterations: 3,
    warmup: 0,
    monitor: false,
  });
  const detection = result.benchmark_results[0] as OkBenchmarkResult;
  expect(detection.status).toBe('ok');
  expect(detection.metadata['sources']).toEqual(['abort']);
  expect(detection.metadata['sources_left_out']).toEqual({
    timeout: 'no run-level timeout in this framework',
    budget: 'no cost budget in this framework',
    signal: 'no OS-signal handling in this framework',
  });
}, 60_000);

test('abort cannot be declared unsupported: Detection fails and says why', async () => {
  const subject = { ...plainLoopSubject(), unsupported: { abort: 'nothing' } };
  const result = await runSuite(createInterruptsSuite({ subject }), {
    iterations: 2,
    warmup: 0,
    monitor: false,
  });
  const detection = result.benchmark_results[0];
  expect(detection?.status).toBe('failed');
  expect((detection as { reason: string }).reason).toMatch(/must support the abort source/);
}, 60_000);
