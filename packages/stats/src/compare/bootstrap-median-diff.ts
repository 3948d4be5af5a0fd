import { medianOfSorted } from '../_arith';
import { bootstrapMedianPairs, percentileInterval } from '../_bootstrap';
import { assertInteger, assertOpenUnit, assertSamples, assertSeed, sortedCopy } from '../_validate';

export interface BootstrapMedianDiffOptions {
  /** PRNG seed: the same seed and data always give the same interval. */
  seed: number;
  /** @default 10000 */
  resamples?: number;
  /** @default 0.95 */
  confidence?: number;
}

export interface BootstrapMedianDiffResult {
  /** median(b) − median(a), in the samples' unit (ms): positive when b is slower. */
  diff: number;
  lower: number;
  upper: number;
  confidence: number;
}

/**
 * Percentile-bootstrap confidence interval of median(b) − median(a). Each resample draws |a| values from
 * a then |b| values from b, with replacement, from one seeded PRNG (mulberry32); the bounds are the linear
 * (1 − c)/2 and (1 + c)/2 quantiles of the resampled differences. Input order does not matter.
 * @example bootstrapMedianDiff(baseline, current, { seed: 42 }) // { diff: 0.8, lower: 0.3, upper: 1.4, confidence: 0.95 }
 */
export function bootstrapMedianDiff(
  a: readonly number[],
  b: readonly number[],
  options: BootstrapMedianDiffOptions,
): BootstrapMedianDiffResult {
  const { seed, resamples = 10_000, confidence = 0.95 } = options ?? {};
  assertSamples(a, 'a');
  assertSamples(b, 'b');
  assertSeed('seed', seed);
  assertInteger('resamples', resamples, 1);
  assertOpenUnit('confidence', confidence);
  const sortedA = sortedCopy(a);
  const sortedB = sortedCopy(b);
  const diffs = bootstrapMedianPairs(
    sortedA,
    sortedB,
    seed,
    resamples,
    (medianA, medianB) => medianB - medianA,
  );
  return {
    diff: medianOfSorted(sortedB) - medianOfSorted(sortedA),
    ...percentileInterval(diffs, confidence),
    confidence,
  };
}
