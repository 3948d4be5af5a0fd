import { linearQuantileOfSorted, medianOfSorted } from './_arith';
import { createRng } from './rng';
import type { Rng } from './rng';

/** Fills `into` with a with-replacement resample of `values`, drawing indices from `rng` in order. */
export function resampleInto(values: ArrayLike<number>, rng: Rng, into: Float64Array): Float64Array {
  const n = values.length;
  for (let i = 0; i < into.length; i++) into[i] = values[rng.int(0, n - 1)] as number;
  return into;
}

/** Percentile-method interval: the (1 − c)/2 and (1 + c)/2 linear quantiles of the bootstrap statistics. */
export function percentileInterval(
  statistics: Float64Array,
  confidence: number,
): { lower: number; upper: number } {
  const sorted = statistics.sort();
  return {
    lower: linearQuantileOfSorted(sorted, (1 - confidence) / 2),
    upper: linearQuantileOfSorted(sorted, (1 + confidence) / 2),
  };
}

/**
 * `resamples` statistics `combine(median(a*), median(b*))` of two-sample bootstrap resamples: each resample
 * draws |a| values from `sortedA`, then |b| from `sortedB`, from one PRNG seeded with `seed`.
 */
export function bootstrapMedianPairs(
  sortedA: Float64Array,
  sortedB: Float64Array,
  seed: number,
  resamples: number,
  combine: (medianA: number, medianB: number) => number,
): Float64Array {
  const rng = createRng(seed);
  const bufferA = new Float64Array(sortedA.length);
  const bufferB = new Float64Array(sortedB.length);
  const statistics = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const medianA = medianOfSorted(resampleInto(sortedA, rng, bufferA).sort());
    const medianB = medianOfSorted(resampleInto(sortedB, rng, bufferB).sort());
    statistics[r] = combine(medianA, medianB);
  }
  return statistics;
}
