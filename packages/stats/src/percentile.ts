import { linearQuantileOfSorted, nearestRankOfSorted } from './_arith';
import { assertOneOf, assertSamples, sortedCopy } from './_validate';
import { InvalidOptionError } from './errors';

/**
 * How a percentile is read from the sorted samples.
 * - `'nearest-rank'`: the seed's rule, `sorted[floor(n * q)]` clamped to `n - 1` (always an observed value).
 * - `'linear'`: interpolation between the two nearest order statistics, as `numpy.percentile` (default method).
 */
export type PercentileMethod = 'nearest-rank' | 'linear';

export const PERCENTILE_METHODS: readonly PercentileMethod[] = ['nearest-rank', 'linear'];

/**
 * The `q`-quantile of `samples` (sorted or not; the input is never mutated).
 * @param q quantile in [0, 1], e.g. 0.95 for p95
 * @param method @default 'nearest-rank'
 * @example percentile([5, 1, 4, 2, 3], 0.5) // 3
 * @example percentile([1, 2, 3, 4], 0.5, 'linear') // 2.5
 */
export function percentile(
  samples: readonly number[],
  q: number,
  method: PercentileMethod = 'nearest-rank',
): number {
  assertSamples(samples);
  if (typeof q !== 'number' || !(q >= 0 && q <= 1))
    throw new InvalidOptionError('q', q, 'a number in [0, 1]');
  assertOneOf('method', method, PERCENTILE_METHODS);
  return percentileOfSorted(sortedCopy(samples), q, method);
}

/** Same as {@link percentile} for an already ascending, validated array. @internal */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number, method: PercentileMethod): number {
  return method === 'linear' ? linearQuantileOfSorted(sorted, q) : nearestRankOfSorted(sorted, q);
}
