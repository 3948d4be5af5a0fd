import { expect, test } from 'vitest';
import { HarnessError, runBenchmark } from '../src/index';
import { asOk, bench, fast, spin } from './_helpers';

test('low-noise work stops as soon as the CI is within the target, before the maximum', async () => {
  const result = asOk(
    await runBenchmark(
      bench('steady', { iterations: 50, warmup: 2, allowBatching: false, fn: () => spin(200_000) }),
      { ...fast, targetCiPercent: 5, maxIterations: 400 },
    ),
  );
  expect(result.sampling).toMatchObject({
    mode: 'target_ci',
    stopped_by: 'ci',
    target_ci_percent: 5,
    max_iterations: 400,
  });
  expect(result.iterations).toBeGreaterThanOrEqual(10);
  expect(result.iterations).toBeLessThan(400);
  const half = (result.confidence_interval.upper - result.confidence_interval.lower) / 2;
  expect(half / result.latency_ms.mean).toBeLessThanOrEqual(0.05);
  expect(result.diagnostics?.map((d) => d.code)).not.toContain('ci_target_missed');
});

test('noisy work runs to the maximum and says the target was missed', async () => {
  const result = asOk(
    await runBenchmark(
      // Costs spread over 20x (seeded): a 0.5% CI needs far more than 40 samples.
      bench('noisy', {
        iterations: 10,
        warmup: 1,
        allowBatching: false,
        fn: (ctx) => spin(ctx.rng.int(10_000, 200_000)),
      }),
      { ...fast, targetCiPercent: 0.5, maxIterations: 40 },
    ),
  );
  expect(result.sampling).toMatchObject({
    mode: 'target_ci',
    stopped_by: 'max_iterations',
    max_iterations: 40,
  });
  expect(result.iterations).toBe(40);
  expect(result.diagnostics?.map((d) => d.code)).toContain('ci_target_missed');
});

test('the time budget stops time-to-confidence sampling and says so', async () => {
  const result = asOk(
    await runBenchmark(
      bench('slow', {
        iterations: 10,
        warmup: 0,
        timeBudgetMs: 150,
        allowBatching: false,
        fn: (ctx) => spin(ctx.rng.int(1_000_000, 20_000_000)),
      }),
      { ...fast, targetCiPercent: 0.1 },
    ),
  );
  expect(result.sampling?.stopped_by).toBe('budget');
  expect(result.sampling?.max_iterations).toBe(100);
  expect(result.iterations).toBeLessThan(100);
});

test('a bad target or maximum is a HarnessError naming the option', async () => {
  const def = bench('x', { fn: () => 1 });
  for (const [options, message] of [
    [{ targetCiPercent: 0 }, /targetCiPercent must be a number of percent between 0 and 100/],
    [{ targetCiPercent: 150 }, /targetCiPercent/],
    [{ targetCiPercent: 2, maxIterations: 0 }, /maxIterations must be an integer >= 1/],
  ] as const) {
    await expect(runBenchmark(def, { ...fast, ...options })).rejects.toThrow(HarnessError);
    await expect(runBenchmark(def, { ...fast, ...options })).rejects.toThrow(message);
  }
});
