import { meanOf, sampleVarianceOf } from './_arith';
import { assertSamples, sortedCopy } from './_validate';
import { type ConfidenceInterval, confidenceIntervalOf } from './confidence';
import { type StatsOptions, resolveStatsOptions } from './options';
import { removeOutliers } from './outliers';
import { percentileOfSorted } from './percentile';

/** Statistics of one benchmark's samples, computed on the samples left after outlier removal. Times in ms. */
export interface Summary {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single sample. */
  stddev: number;
  min: number;
  max: number;
  /** Samples remaining after outlier removal. */
  count: number;
  /** Samples dropped by the outlier rule. */
  outliersRemoved: number;
  confidenceInterval: ConfidenceInterval;
  /** 1000 / mean: operations per second for samples in ms. `Infinity` when the mean is 0. */
  throughputOpsPerSec: number;
}

/**
 * Summarizes raw samples (ms). The default is the seed's method, exactly:
 * 1. one pass removing values outside mean ± 3 × sample stddev (skipped when n < 10);
 * 2. on the remaining data: percentile q = sorted[floor(n × q)] clamped to n − 1, mean, sample stddev
 *    (n − 1), min, max, count;
 * 3. 95 % CI of the mean: mean ± 1.96 × stddev / √n;
 * 4. throughput = 1000 / mean.
 * @throws EmptySamplesError / InvalidSampleError (names the bad index) / InvalidOptionError
 * @example summarize([12.1, 11.8, 12.4, 13.0, 11.9]).p50 // 12.1
 * @example summarize(samples, { outliers: 'tukey', ci: 't', percentile: 'linear' })
 */
export function summarize(samples: readonly number[], options?: StatsOptions): Summary {
  const opts = resolveStatsOptions(options);
  assertSamples(samples);
  const { kept, removed } = removeOutliers(samples, opts.outliers, opts.outlierThreshold);
  const sorted = sortedCopy(kept);
  const n = sorted.length;
  const mean = meanOf(sorted);
  return {
    p50: percentileOfSorted(sorted, 0.5, opts.percentile),
    p95: percentileOfSorted(sorted, 0.95, opts.percentile),
    p99: percentileOfSorted(sorted, 0.99, opts.percentile),
    mean,
    stddev: Math.sqrt(sampleVarianceOf(sorted, mean)),
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    count: n,
    outliersRemoved: removed.length,
    confidenceInterval: confidenceIntervalOf(sorted, opts.ci, opts.confidence, opts.seed, opts.resamples),
    throughputOpsPerSec: 1000 / mean,
  };
}
