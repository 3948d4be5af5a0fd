import { expect, test } from 'vitest';
import { DIAGNOSTIC_THRESHOLDS, diagnoseResult } from '../src/index';

type Input = Parameters<typeof diagnoseResult>[0];

/** A clean result: tight CI, no outliers, modest resources, close to its floor, fixed sampling. */
function clean(): Input {
  return {
    latency_ms: { p50: 10, p95: 11, p99: 12, mean: 10, stddev: 0.5, min: 9, max: 12, count: 100 },
    confidence_interval: { lower: 9.9, upper: 10.1, confidence: 0.95 },
    outliers_removed: 0,
    samples_ms: new Array(100).fill(10),
    resources: {
      cpu_mean: 40,
      cpu_peak: 60,
      memory_mean_mb: 80,
      memory_peak_mb: 90,
      threads_mean: 8,
      threads_peak: 9,
    } as Input['resources'],
    overhead: { ratio_p50: 2, diff_p50_ms: 5, diff_ci: { lower: 4, upper: 6, confidence: 0.95 } },
    sampling: { mode: 'fixed', stopped_by: 'iterations', target_ci_percent: null, max_iterations: 100 },
  };
}
const quiet = { loadAverage1m: 0.5, cores: 2 };
const codes = (input: Input, machine = quiet, ioBound = false) =>
  diagnoseResult(input, machine, ioBound).map((d) => d.code);

test('a clean result gets no diagnostics, even when marked I/O-bound', () => {
  expect(diagnoseResult(clean(), quiet, true)).toEqual([]);
});

test('each rule fires on a result built to trip it, and only that rule', () => {
  const wide = clean();
  wide.confidence_interval = { lower: 8.9, upper: 11.1, confidence: 0.95 }; // half-width 11% of the mean
  expect(codes(wide)).toEqual(['high_variability']);

  const outliers = clean();
  outliers.outliers_removed = 11;
  expect(codes(outliers)).toEqual(['many_outliers']);

  expect(codes(clean(), { loadAverage1m: 2.5, cores: 2 })).toEqual(['machine_loaded']);

  const busy = clean();
  busy.resources = { ...(busy.resources as NonNullable<Input['resources']>), cpu_peak: 99 };
  expect(codes(busy, quiet, true)).toEqual(['cpu_saturated']);
  expect(codes(busy, quiet, false)).toEqual([]);

  const big = clean();
  big.resources = { ...(big.resources as NonNullable<Input['resources']>), memory_peak_mb: 2500 };
  expect(codes(big)).toEqual(['high_memory']);

  const far = clean();
  far.overhead = { ratio_p50: 12.5, diff_p50_ms: 9.2, diff_ci: { lower: 9, upper: 9.4, confidence: 0.95 } };
  expect(codes(far)).toEqual(['far_above_floor']);

  const missed = clean();
  missed.sampling = {
    mode: 'target_ci',
    stopped_by: 'max_iterations',
    target_ci_percent: 1,
    max_iterations: 500,
  };
  expect(codes(missed)).toEqual(['ci_target_missed']);
});

test('thresholds are exclusive: exactly at a threshold is still clean', () => {
  const edge = clean();
  edge.confidence_interval = { lower: 9, upper: 11, confidence: 0.95 }; // exactly 10%
  edge.outliers_removed = 10; // exactly 10%
  edge.overhead = {
    ratio_p50: DIAGNOSTIC_THRESHOLDS.floorRatio,
    diff_p50_ms: 9,
    diff_ci: { lower: 8, upper: 10, confidence: 0.95 },
  };
  expect(codes(edge, { loadAverage1m: 2, cores: 2 })).toEqual([]);
});

test('messages say what was seen, with numbers', () => {
  const far = clean();
  far.overhead = { ratio_p50: 12.5, diff_p50_ms: 9.2, diff_ci: { lower: 9, upper: 9.4, confidence: 0.95 } };
  expect(diagnoseResult(far, quiet)[0]?.message).toBe(
    'p50 is 12.5x its floor (over 10x): this is where to optimize',
  );
  expect(diagnoseResult(clean(), { loadAverage1m: 3.2, cores: 2 })[0]?.message).toMatch(
    /^load average 3\.20 exceeded the 2 cores/,
  );
});
