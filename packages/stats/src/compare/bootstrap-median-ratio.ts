import { medianOfSorted } from '../_arith';
import { bootstrapMedianPairs, percentileInterval } from '../_bootstrap';
import { assertInteger, assertOpenUnit, assertSamples, assertSeed, sortedCopy } from '../_validate';
import { InvalidOptionError } from '../errors';

export interface BootstrapMedianRatioOptions {
  /** PRNG seed: the same seed and data always give the same interval. */
  seed: number;
  /** @default 10000 */
  resamples?: number;
  /** @default 0.95 */
  confidence?: number;
}

export interface BootstrapMedianRatioResult {
  /** median(b) / median(a): above 1 when b is slower (1.2 = 20 % slower). */
  ratio: number;
  lower: number;
  upper: number;
  confidence: number;
}

/**
 * Percentile-bootstrap confidence interval of median(b) / median(a), e.g. over the p50s of the repetitions
 * of two builds. Resampling as {@link bootstrapMedianDiff} (|a| draws from a, then |b| from b, per resample,
 * from one seeded mulberry32), so the same seed and data give the same interval. Every value of `a` must be
 * above 0 (a ratio needs a non-zero baseline). With very few values the interval is coarse: its bounds can
 * only be ratios of medians of the values given.
 * @example bootstrapMedianRatio([10, 10.4, 9.8, 10.1, 10.2], [12, 12.3, 11.9, 12.4, 12.1], { seed: 42 }) // { ratio: 1.198, lower: 1.163, upper: 1.24, confidence: 0.95 }
 */
export function bootstrapMedianRatio(
  a: readonly number[],
  b: readonly number[],
  options: BootstrapMedianRatioOptions,
): BootstrapMedianRatioResult {
  const { seed, resamples = 10_000, confidence = 0.95 } = options ?? {};
  assertSamples(a, 'a');
  assertSamples(b, 'b');
  if (a.some((value) => value === 0)) {
    throw new InvalidOptionError('a', a, 'values > 0: the ratio of medians needs a non-zero baseline');
  }
  assertSeed('seed', seed);
  assertInteger('resamples', resamples, 1);
  assertOpenUnit('confidence', confidence);
  const sortedA = sortedCopy(a);
  const sortedB = sortedCopy(b);
  const ratios = bootstrapMedianPairs(
    sortedA,
    sortedB,
    seed,
    resamples,
    (medianA, medianB) => medianB / medianA,
  );
  return {
    ratio: medianOfSorted(sortedB) / medianOfSorted(sortedA),
    ...percentileInterval(ratios, confidence),
    confidence,
  };
}
