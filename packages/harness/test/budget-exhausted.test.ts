import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { asOk, bench, fast, sleep } from './_helpers';

test('a spent time budget stops iterating and keeps the samples measured so far', async () => {
  const started = Date.now();
  const result = asOk(
    await runBenchmark(
      bench('slow', { fn: () => sleep(10), iterations: 1000, warmup: 2, timeBudgetMs: 250 }),
      fast,
    ),
  );
  const elapsed = Date.now() - started;
  expect(result.metadata['budget_exhausted']).toBe(true);
  expect(result.metadata['iterations_requested']).toBe(1000);
  expect(result.iterations).toBeGreaterThanOrEqual(1);
  expect(result.iterations).toBeLessThan(30);
  expect(result.samples_ms).toHaveLength(result.iterations);
  expect(result.warmup_iterations).toBe(2);
  expect(elapsed).toBeLessThan(3_000);
});

test('a benchmark that fits its budget says nothing about it', async () => {
  const result = asOk(await runBenchmark(bench('quick_op', { fn: () => sleep(1), iterations: 5 }), fast));
  expect(result.metadata).not.toHaveProperty('budget_exhausted');
  expect(result.iterations).toBe(5);
});

test('a budget beyond the timer range does not time out at once', async () => {
  const result = asOk(
    await runBenchmark(bench('long_budget', { fn: () => sleep(1), iterations: 3, timeBudgetMs: 1e10 }), fast),
  );
  expect(result.iterations).toBe(3);
});
