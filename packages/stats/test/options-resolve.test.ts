import { describe, expect, it } from 'vitest';
import { DEFAULT_STATS_OPTIONS, StatsError, resolveStatsOptions, summarize } from '../src/index';
import { reference } from './_reference';

describe('resolveStatsOptions', () => {
  it("defaults to the seed's method", () => {
    expect(DEFAULT_STATS_OPTIONS).toEqual({
      outliers: 'sigma3',
      outlierThreshold: 3,
      ci: 'normal',
      percentile: 'nearest-rank',
      confidence: 0.95,
      seed: 42,
      resamples: 10_000,
    });
    expect(resolveStatsOptions()).toEqual(DEFAULT_STATS_OPTIONS);
    expect(Object.isFrozen(DEFAULT_STATS_OPTIONS)).toBe(true);
  });

  it('defaults the threshold per rule', () => {
    expect(resolveStatsOptions({ outliers: 'tukey' }).outlierThreshold).toBe(1.5);
    expect(resolveStatsOptions({ outliers: 'mad' }).outlierThreshold).toBe(3.5);
    expect(resolveStatsOptions({ outliers: 'mad', outlierThreshold: 5 }).outlierThreshold).toBe(5);
  });

  it('passing the resolved defaults explicitly gives the same summary as passing nothing', () => {
    const data = reference.datasets['lognormal_outliers_100'] as number[];
    expect(summarize(data, { ...DEFAULT_STATS_OPTIONS })).toEqual(summarize(data));
  });

  it.each([
    [{ outliers: 'iqr' }, 'outliers'],
    [{ ci: 'wilson' }, 'ci'],
    [{ percentile: 'midpoint' }, 'percentile'],
    [{ confidence: 95 }, 'confidence'],
    [{ outlierThreshold: -1 }, 'outlierThreshold'],
    [{ resamples: 0 }, 'resamples'],
    [{ seed: Number.NaN }, 'seed'],
    [{ confidnce: 0.9 }, 'confidnce'],
  ])('rejects %j naming the option', (options, name) => {
    expect(() => resolveStatsOptions(options as never)).toThrow(StatsError);
    expect(() => resolveStatsOptions(options as never)).toThrow(new RegExp(`option ${name} `));
  });
});
