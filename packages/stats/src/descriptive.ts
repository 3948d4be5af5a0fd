import { meanOf, medianOfSorted, sampleVarianceOf } from './_arith';
import { assertSamples, sortedCopy } from './_validate';

/**
 * Arithmetic mean (compensated summation).
 * @example mean([10, 12, 14]) // 12
 */
export function mean(samples: readonly number[]): number {
  assertSamples(samples);
  return meanOf(samples);
}

/**
 * Median: the middle value, or the mean of the two middle values for an even count.
 * Note: `summarize().p50` follows the seed's percentile rule instead (`sorted[floor(n / 2)]`).
 * @example median([4, 1, 3, 2]) // 2.5
 */
export function median(samples: readonly number[]): number {
  assertSamples(samples);
  return medianOfSorted(sortedCopy(samples));
}

/**
 * Sample standard deviation (divides by n - 1). A single sample has stddev 0 by definition here.
 * @example sampleStddev([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138...
 */
export function sampleStddev(samples: readonly number[]): number {
  assertSamples(samples);
  return Math.sqrt(sampleVarianceOf(samples));
}
