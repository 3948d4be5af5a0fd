import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { asOk, bench, fast, median, spin } from './_helpers';

// Busy-waits of known cost: the subject does twice the floor's work.
test('overhead: 2x busy-wait over 1x gives ratio ~2, diff ~1x, and a CI of the difference that excludes 0', async () => {
  const unitNs = 400_000;
  const result = asOk(
    await runBenchmark(
      bench('twice_the_floor', {
        iterations: 40,
        warmup: 3,
        fn: () => spin(2 * unitNs),
        baseline: { name: 'one unit', description: 'one busy-wait unit', fn: () => spin(unitNs) },
      }),
      fast,
    ),
  );
  const overhead = result.overhead;
  const floor = result.baseline;
  expect(overhead && floor).toBeTruthy();
  if (!overhead || !floor) return;
  // Medians of busy-waits on the harness's own clock: preemption on a loaded machine moves them little.
  expect(overhead.ratio_p50).toBeGreaterThan(1.6);
  expect(overhead.ratio_p50).toBeLessThan(2.4);
  expect(overhead.ratio_p50).toBeCloseTo(result.latency_ms.p50 / floor.latency_ms.p50, 12);
  expect(overhead.diff_p50_ms).toBeCloseTo(result.latency_ms.p50 - floor.latency_ms.p50, 12);
  expect(overhead.diff_p50_ms).toBeGreaterThan(0.3);
  expect(overhead.diff_p50_ms).toBeLessThan(0.6);
  // The bootstrap CI brackets the difference of the raw medians and lies well away from 0.
  const rawDiff = median(result.samples_ms) - median(floor.samples_ms);
  expect(overhead.diff_ci.lower).toBeGreaterThan(0.2);
  expect(overhead.diff_ci.lower).toBeLessThanOrEqual(rawDiff + 1e-9);
  expect(overhead.diff_ci.upper).toBeGreaterThanOrEqual(rawDiff - 0.05);
  expect(overhead.diff_ci.confidence).toBe(0.95);
});

test('the overhead CI is seeded: the same samples and seed give the same interval', async () => {
  const { bootstrapMedianDiff } = await import('@kaizen-bench/stats');
  const result = asOk(
    await runBenchmark(
      bench('seeded_ci', {
        iterations: 20,
        warmup: 1,
        fn: () => spin(60_000),
        baseline: { name: 'floor', description: 'less', fn: () => spin(30_000) },
      }),
      { ...fast, seed: 7 },
    ),
  );
  const again = bootstrapMedianDiff(result.baseline?.samples_ms ?? [], result.samples_ms, {
    seed: 7,
    resamples: 2000,
  });
  expect(result.overhead?.diff_ci).toEqual({ lower: again.lower, upper: again.upper, confidence: 0.95 });
});
