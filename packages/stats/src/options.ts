import { assertInteger, assertOneOf, assertOpenUnit, assertPositive, assertSeed } from './_validate';
import { CI_METHODS, type CiMethod } from './confidence';
import { InvalidOptionError } from './errors';
import { DEFAULT_OUTLIER_THRESHOLDS, OUTLIER_RULES, type OutlierRule } from './outliers';
import { PERCENTILE_METHODS, type PercentileMethod } from './percentile';

/** How {@link summarize} treats the samples. Every field is optional; the defaults are the seed's method. */
export interface StatsOptions {
  /** Outlier rule, applied once before everything else. @default 'sigma3' */
  outliers?: OutlierRule;
  /** Rule threshold: k in mean ± k·s for sigma3 (3), IQR multiplier for tukey (1.5), modified-z cut for mad (3.5). */
  outlierThreshold?: number;
  /** Confidence-interval method for the mean. @default 'normal' */
  ci?: CiMethod;
  /** Percentile method for p50/p95/p99. @default 'nearest-rank' */
  percentile?: PercentileMethod;
  /** CI coverage in (0, 1). At 0.95 the normal CI uses the seed's z = 1.96 exactly. @default 0.95 */
  confidence?: number;
  /** PRNG seed for the bootstrap CI. @default 42 */
  seed?: number;
  /** Number of bootstrap resamples. @default 10000 */
  resamples?: number;
}

/** {@link StatsOptions} with every default applied (record this in a result's config). */
export type ResolvedStatsOptions = Readonly<Required<StatsOptions>>;

/** The seed's method: sigma3 outliers, nearest-rank percentiles, normal 95 % CI with z = 1.96. */
export const DEFAULT_STATS_OPTIONS: ResolvedStatsOptions = Object.freeze({
  outliers: 'sigma3',
  outlierThreshold: DEFAULT_OUTLIER_THRESHOLDS.sigma3,
  ci: 'normal',
  percentile: 'nearest-rank',
  confidence: 0.95,
  seed: 42,
  resamples: 10_000,
});

const KNOWN_KEYS = new Set(Object.keys(DEFAULT_STATS_OPTIONS));

/**
 * Applies defaults and validates. The threshold defaults per rule (3 / 1.5 / 3.5; 0 and unused for 'none').
 * @throws InvalidOptionError for an unknown key or a value out of range
 * @example resolveStatsOptions({ outliers: 'tukey' }) // { outliers: 'tukey', outlierThreshold: 1.5, ci: 'normal', ... }
 */
export function resolveStatsOptions(options: StatsOptions = {}): ResolvedStatsOptions {
  for (const key of Object.keys(options)) {
    if (!KNOWN_KEYS.has(key))
      throw new InvalidOptionError(key, 'unknown', `one of ${[...KNOWN_KEYS].join(', ')}`);
  }
  const outliers = options.outliers ?? DEFAULT_STATS_OPTIONS.outliers;
  assertOneOf('outliers', outliers, OUTLIER_RULES);
  const resolved: ResolvedStatsOptions = Object.freeze({
    outliers,
    outlierThreshold: options.outlierThreshold ?? DEFAULT_OUTLIER_THRESHOLDS[outliers],
    ci: options.ci ?? DEFAULT_STATS_OPTIONS.ci,
    percentile: options.percentile ?? DEFAULT_STATS_OPTIONS.percentile,
    confidence: options.confidence ?? DEFAULT_STATS_OPTIONS.confidence,
    seed: options.seed ?? DEFAULT_STATS_OPTIONS.seed,
    resamples: options.resamples ?? DEFAULT_STATS_OPTIONS.resamples,
  });
  if (outliers !== 'none') assertPositive('outlierThreshold', resolved.outlierThreshold);
  assertOneOf('ci', resolved.ci, CI_METHODS);
  assertOneOf('percentile', resolved.percentile, PERCENTILE_METHODS);
  assertOpenUnit('confidence', resolved.confidence);
  assertSeed('seed', resolved.seed);
  assertInteger('resamples', resolved.resamples, 1);
  return resolved;
}
