import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ecdfOnGrid, histogramBins, wantsLogScale } from '../src/_client';

// Reference values from numpy (see the fixture's _source): np.histogram with the same bin count, and the
// ECDF as searchsorted(side='right') / n on the union of both sample sets.
const reference = JSON.parse(
  readFileSync(new URL('./fixtures/distribution-reference.json', import.meta.url), 'utf8'),
) as {
  histogram: { samples: number[]; bins: number; counts: number[]; edges: number[] };
  log_histogram: { counts: number[]; edges: number[] };
  ecdf: { a: number[]; b: number[]; grid: number[]; ya: number[]; yb: number[] };
};

describe('histogramBins', () => {
  it('bins like numpy.histogram: ceil(sqrt(n)) equal-width bins over [min, max], the max in the last', () => {
    const { samples, bins, counts, edges } = reference.histogram;
    const result = histogramBins(samples, 40);
    expect(result.counts).toEqual(counts);
    expect(result.counts).toHaveLength(bins);
    expect(result.lo).toBeCloseTo(edges[0] as number, 12);
    expect(result.hi).toBeCloseTo(edges[bins] as number, 12);
    expect(result.centers[0]).toBeCloseTo(((edges[0] as number) + (edges[1] as number)) / 2, 12);
  });

  it('bins in log10 like numpy.histogram of log10(samples), for samples spread over decades', () => {
    const { samples, bins } = reference.histogram;
    const { counts, edges } = reference.log_histogram;
    const result = histogramBins(samples, 40, true);
    expect(result.counts).toEqual(counts);
    expect(result.lo).toBeCloseTo(edges[0] as number, 10);
    expect(result.hi).toBeCloseTo(edges[bins] as number, 10);
    // a log bin's centre is the geometric mean of its edges
    expect(result.centers[1]).toBeCloseTo(Math.sqrt((edges[1] as number) * (edges[2] as number)), 10);
  });

  it('asks for a log scale only for positive samples spread over more than 20x', () => {
    expect(wantsLogScale([0.1, 1, 2.1])).toBe(true);
    expect(wantsLogScale([0.1, 1, 2])).toBe(false);
    expect(wantsLogScale([0, 1, 100])).toBe(false);
  });

  it('caps the bin count and gives one bin centred on the value when all samples are equal', () => {
    expect(histogramBins(reference.histogram.samples, 8).counts).toHaveLength(8);
    const same = histogramBins([2, 2, 2], 40);
    expect(same.counts).toEqual([3]);
    expect(same.centers[0]).toBeCloseTo(2, 12);
    expect(histogramBins([], 40).counts).toEqual([]);
  });
});

describe('ecdfOnGrid', () => {
  it('matches numpy on the union grid of two sample sets', () => {
    const { a, b, grid, ya, yb } = reference.ecdf;
    const result = ecdfOnGrid([a, b]);
    expect(result.x).toEqual(grid);
    for (const [series, reference] of [
      [result.y[0], ya],
      [result.y[1], yb],
    ] as const) {
      expect(series).toHaveLength(reference.length);
      series?.forEach((value, i) => {
        expect(value).toBeCloseTo(reference[i] as number, 12);
      });
    }
  });

  it('gives null for an empty series', () => {
    expect(ecdfOnGrid([[1, 2], []]).y[1]).toEqual([null, null]);
  });
});
