import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { asOk, bench, spin } from './_helpers';

test('resources are sampled around the measured iterations of a CPU-bound benchmark', async () => {
  const result = asOk(
    await runBenchmark(bench('busy', { fn: () => spin(5_000_000), iterations: 60, warmup: 1 }), {
      monitorIntervalMs: 20,
    }),
  );
  const resources = result.resources;
  expect(resources).not.toBeNull();
  expect(resources?.samples).toBeGreaterThanOrEqual(3);
  expect(resources?.interval_ms).toBe(20);
  // A spinning main thread: well above idle even when other processes share the cores.
  expect(resources?.cpu_mean).toBeGreaterThan(25);
  expect(resources?.memory_peak_mb).toBeGreaterThan(10);
});

test('monitor: false gives resources null', async () => {
  const result = asOk(
    await runBenchmark(bench('unmonitored', { fn: () => spin(10_000) }), { monitor: false }),
  );
  expect(result.resources).toBeNull();
});
