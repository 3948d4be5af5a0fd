import { linearQuantileOfSorted, meanOf, medianOfSorted, sampleVarianceOf } from './_arith';
import { InvalidOptionError } from './errors';
import { assertOneOf, assertPositive, assertSamples, sortedCopy } from './_validate';

/**
 * Outlier rule.
 * - `'sigma3'` (the seed's): drop values outside mean ± k × sample stddev (k = threshold, default 3).
 * - `'tukey'`: drop values outside [Q1 − k × IQR, Q3 + k × IQR] (k default 1.5; Q1/Q3 by linear interpolation).
 * - `'mad'`: drop values whose modified z-score 0.6745 × |x − median| / MAD exceeds k (default 3.5,
 *   Iglewicz & Hoaglin). When MAD is 0 (over half the values equal) nothing is dropped.
 * - `'none'`: keep everything.
 */
export type OutlierRule = 'sigma3' | 'tukey' | 'mad' | 'none';

export const OUTLIER_RULES: readonly OutlierRule[] = ['sigma3', 'tukey', 'mad', 'none'];

/** Default threshold per rule (`'none'` ignores it). */
export const DEFAULT_OUTLIER_THRESHOLDS: Readonly<Record<OutlierRule, number>> = Object.freeze({
  sigma3: 3,
  tukey: 1.5,
  mad: 3.5,
  none: 0,
});

/** Below this many samples no rule removes anything (the seed's rule, applied to every method). */
export const OUTLIER_MIN_SAMPLES = 10;

/** Values kept and removed, each in their original order. */
export interface OutlierResult {
  kept: number[];
  removed: number[];
}

/**
 * Removes outliers in one pass (the bounds are computed once from all samples, then applied).
 * Skipped entirely when there are fewer than {@link OUTLIER_MIN_SAMPLES} samples.
 * @param rule @default 'sigma3'
 * @param threshold @default DEFAULT_OUTLIER_THRESHOLDS[rule]
 * @example removeOutliers([10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 10, 11, 500]) // { kept: [10, ...], removed: [500] }
 */
export function removeOutliers(
  samples: readonly number[],
  rule: OutlierRule = 'sigma3',
  threshold: number = DEFAULT_OUTLIER_THRESHOLDS[rule],
): OutlierResult {
  assertSamples(samples);
  assertOneOf('outliers', rule, OUTLIER_RULES);
  if (rule !== 'none') assertPositive('outlierThreshold', threshold);
  if (rule === 'none' || samples.length < OUTLIER_MIN_SAMPLES) return { kept: [...samples], removed: [] };
  const isOutlier = outlierPredicate(samples, rule, threshold);
  const kept: number[] = [];
  const removed: number[] = [];
  for (const value of samples) (isOutlier(value) ? removed : kept).push(value);
  if (kept.length === 0) {
    throw new InvalidOptionError(
      'outlierThreshold',
      threshold,
      `a larger value: ${rule} at this one removes every sample`,
    );
  }
  return { kept, removed };
}

function outlierPredicate(
  samples: readonly number[],
  rule: Exclude<OutlierRule, 'none'>,
  k: number,
): (value: number) => boolean {
  if (rule === 'sigma3') {
    const m = meanOf(samples);
    const s = Math.sqrt(sampleVarianceOf(samples, m));
    const lower = m - k * s;
    const upper = m + k * s;
    return (v) => v < lower || v > upper;
  }
  const sorted = sortedCopy(samples);
  if (rule === 'tukey') {
    const q1 = linearQuantileOfSorted(sorted, 0.25);
    const q3 = linearQuantileOfSorted(sorted, 0.75);
    const iqr = q3 - q1;
    const lower = q1 - k * iqr;
    const upper = q3 + k * iqr;
    return (v) => v < lower || v > upper;
  }
  const med = medianOfSorted(sorted);
  const deviations = sortedCopy(samples.map((v) => Math.abs(v - med)));
  const mad = medianOfSorted(deviations);
  if (mad === 0) return () => false;
  // 0.6745 ≈ Φ⁻¹(0.75) makes MAD a consistent estimator of σ for normal data (Iglewicz & Hoaglin 1993).
  return (v) => (0.6745 * Math.abs(v - med)) / mad > k;
}
