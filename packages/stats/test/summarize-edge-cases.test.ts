import { describe, expect, it } from 'vitest';
import { EmptySamplesError, InvalidSampleError, StatsError, summarize } from '../src/index';

function caught(fn: () => unknown): StatsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatsError) return error;
    throw error;
  }
  throw new Error('expected a StatsError');
}

describe('summarize edge cases', () => {
  it('empty input throws EmptySamplesError with a stable code', () => {
    const error = caught(() => summarize([]));
    expect(error).toBeInstanceOf(EmptySamplesError);
    expect(error.code).toBe('STATS_EMPTY_SAMPLES');
    expect(error.message).toMatch(/empty/);
  });

  it.each([
    [[1, 2, Number.NaN, 4], 2, 'NaN'],
    [[Number.POSITIVE_INFINITY], 0, 'Infinity'],
    [[1, -0.5], 1, '-0.5'],
    [[1, 2, 3, '4' as unknown as number], 3, '4'],
  ])('%j is rejected naming index %i', (samples, index, shown) => {
    const error = caught(() => summarize(samples));
    expect(error).toBeInstanceOf(InvalidSampleError);
    expect(error.code).toBe('STATS_INVALID_SAMPLE');
    expect((error as InvalidSampleError).index).toBe(index);
    expect(error.message).toContain(`samples[${index}] is ${shown}`);
  });

  it('a single sample has stddev 0 and a CI collapsed to the value, for every CI method', () => {
    for (const ci of ['normal', 't', 'bootstrap'] as const) {
      const s = summarize([4.2], { ci });
      expect(s).toMatchObject({ p50: 4.2, p99: 4.2, mean: 4.2, stddev: 0, min: 4.2, max: 4.2, count: 1 });
      expect(s.confidenceInterval).toEqual({ lower: 4.2, upper: 4.2, confidence: 0.95 });
    }
  });

  it('all-equal samples: nothing removed, zero spread, zero-width CI', () => {
    for (const outliers of ['sigma3', 'tukey', 'mad'] as const) {
      const s = summarize(new Array(20).fill(3), { outliers });
      expect(s).toMatchObject({ p50: 3, p95: 3, mean: 3, stddev: 0, count: 20, outliersRemoved: 0 });
      expect(s.confidenceInterval).toEqual({ lower: 3, upper: 3, confidence: 0.95 });
    }
  });

  it('zero samples are allowed: throughput is Infinity when the mean is 0', () => {
    expect(summarize([0, 0, 0]).throughputOpsPerSec).toBe(Number.POSITIVE_INFINITY);
  });

  it('does not mutate the input', () => {
    const samples = [5, 3, 9, 1, 7, 2, 8, 4, 6, 10, 500];
    const copy = [...samples];
    summarize(samples);
    expect(samples).toEqual(copy);
  });
});
