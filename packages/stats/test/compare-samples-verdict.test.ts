import { describe, expect, it } from 'vitest';
import { compareSamples, createRng } from '../src/index';

function latencies(seed: number, medianMs: number, n: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => medianMs * Math.exp(0.1 * rng.normal()));
}

describe('compareSamples verdict rule', () => {
  it('slower: significant and beyond the threshold', () => {
    const result = compareSamples(latencies(1, 10, 60), latencies(2, 12, 60));
    expect(result.verdict).toBe('slower');
    expect(result.changePercent).toBeGreaterThan(5);
    expect(result.pValue).toBeLessThan(0.05);
    expect(result.effectSize).toBeGreaterThan(0);
    expect(result.test).toBe('mann-whitney-u');
  });

  it('faster: significant and beyond the threshold the other way', () => {
    const result = compareSamples(latencies(3, 10, 60), latencies(4, 8, 60));
    expect(result.verdict).toBe('faster');
    expect(result.changePercent).toBeLessThan(-5);
    expect(result.effectSize).toBeLessThan(0);
  });

  it('unchanged: the median moved less than the threshold (even if significant)', () => {
    const same = compareSamples(latencies(5, 10, 60), latencies(6, 10, 60));
    expect(same.verdict).toBe('unchanged');
    const small = compareSamples(latencies(7, 10, 400), latencies(8, 10.3, 400), { threshold: 0.05 });
    expect(small.pValue).toBeLessThan(0.05);
    expect(Math.abs(small.changePercent)).toBeLessThan(5);
    expect(small.verdict).toBe('unchanged');
  });

  it('inconclusive: a large change that is not significant', () => {
    const noisy = compareSamples([10, 30, 12, 28, 11, 29], [14, 31, 13, 33, 15, 12]);
    expect(Math.abs(noisy.changePercent)).toBeGreaterThan(5);
    expect(noisy.pValue).toBeGreaterThanOrEqual(0.05);
    expect(noisy.verdict).toBe('inconclusive');
  });

  it('inconclusive: too few samples, however large the change', () => {
    const result = compareSamples([10, 10.1, 9.9, 10], [20, 20.2, 19.8, 20]);
    expect(result.changePercent).toBeCloseTo(100, 0);
    expect(result.verdict).toBe('inconclusive');
    expect(compareSamples([10, 10.1, 9.9, 10], [20, 20.2, 19.8, 20], { minSamples: 4 }).verdict).toBe(
      'slower',
    );
  });

  it('threshold and alpha options change the verdict', () => {
    const baseline = latencies(9, 10, 60);
    const current = latencies(10, 11.5, 60);
    expect(compareSamples(baseline, current).verdict).toBe('slower');
    expect(compareSamples(baseline, current, { threshold: 0.5 }).verdict).toBe('unchanged');
    expect(compareSamples(baseline, current, { alpha: 1e-30 }).verdict).toBe('inconclusive');
  });

  it('reports medians and the relative change of the median', () => {
    const result = compareSamples([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(result).toMatchObject({ baselineMedian: 3, currentMedian: 6, changePercent: 100 });
  });
});
