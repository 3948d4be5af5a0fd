import { linearQuantileOfSorted } from './_arith';
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
