import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { asOk, bench, fast, sleep } from './_helpers';

test('an async 2 ms setTimeout operation is awaited and timed per call', async () => {
  const result = asOk(await runBenchmark(bench('sleep_2ms', { fn: () => sleep(2), iterations: 20 }), fast));
  expect(result.timing.mode).toBe('per_call');
  expect(result.timing.batch_size).toBe(1);
  expect(result.latency_ms.p50).toBeGreaterThanOrEqual(2);
  expect(result.latency_ms.p50).toBeLessThan(10);
});

test('a fast async function is never batched', async () => {
  const result = asOk(await runBenchmark(bench('resolved', { fn: async () => 1, iterations: 20 }), fast));
  expect(result.timing.mode).toBe('per_call');
  expect(result.timing.batch_size).toBe(1);
});
