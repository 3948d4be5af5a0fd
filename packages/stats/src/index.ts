export { createRng } from './rng';
export type { Rng } from './rng';

export { summarize } from './summarize';
export type { Summary } from './summarize';
export { DEFAULT_STATS_OPTIONS, resolveStatsOptions } from './options';
export type { ResolvedStatsOptions, StatsOptions } from './options';

export { mean, median, sampleStddev } from './descriptive';
export { PERCENTILE_METHODS, percentile } from './percentile';
export type { PercentileMethod } from './percentile';
export { DEFAULT_OUTLIER_THRESHOLDS, OUTLIER_MIN_SAMPLES, OUTLIER_RULES, removeOutliers } from './outliers';
export type { OutlierResult, OutlierRule } from './outliers';
export { CI_METHODS, SEED_Z_95, confidenceInterval } from './confidence';
export type { CiMethod, ConfidenceInterval, ConfidenceIntervalOptions } from './confidence';

export { welchTTest } from './compare/welch';
export type { WelchResult } from './compare/welch';
export { MWU_EXACT_MAX_PRODUCT, mannWhitneyU } from './compare/mann-whitney';
export type { MannWhitneyMethod, MannWhitneyOptions, MannWhitneyResult } from './compare/mann-whitney';
export { bootstrapMedianDiff } from './compare/bootstrap-median-diff';
export type { BootstrapMedianDiffOptions, BootstrapMedianDiffResult } from './compare/bootstrap-median-diff';
export { bootstrapMedianRatio } from './compare/bootstrap-median-ratio';
export type {
  BootstrapMedianRatioOptions,
  BootstrapMedianRatioResult,
} from './compare/bootstrap-median-ratio';
export { cliffsDelta } from './compare/effect-size';
export type { CliffsDeltaResult, EffectMagnitude } from './compare/effect-size';
export {
  DEFAULT_COMPARE_ALPHA,
  DEFAULT_COMPARE_MIN_SAMPLES,
  DEFAULT_COMPARE_THRESHOLD,
  compareSamples,
} from './compare/compare-samples';
export type { CompareOptions, CompareResult, CompareVerdict } from './compare/compare-samples';

export {
  EmptySamplesError,
  InvalidOptionError,
  InvalidSampleError,
  StatsError,
  TooFewSamplesError,
} from './errors';
export type { StatsErrorCode } from './errors';
