import { describe, expect, it } from 'vitest';
import { percentile } from '../src/index';
import { expectClose, reference } from './_reference';

describe('percentile matches numpy (linear) and the seed rule (nearest-rank)', () => {
  for (const [name, { q, linear, nearestRank }] of Object.entries(reference.percentiles)) {
    it(name, () => {
      const data = reference.datasets[name] as number[];
      q.forEach((quantile, i) => {
        expectClose(percentile(data, quantile, 'linear'), linear[i] as number, 1e-9, `linear q=${quantile}`);
        expect(percentile(data, quantile)).toBe(nearestRank[i]);
      });
    });
  }

  it('reads sorted[floor(n*q)] clamped to the last index, sorting unsorted input without mutating it', () => {
    const data = [50, 10, 40, 20, 30];
    expect(percentile(data, 0.5)).toBe(30); // floor(2.5) = 2
    expect(percentile(data, 0.99)).toBe(50); // floor(4.95) = 4
    expect(percentile(data, 1)).toBe(50); // floor(5) = 5, clamped to 4
    expect(percentile(data, 0)).toBe(10);
    expect(data).toEqual([50, 10, 40, 20, 30]);
  });

  it('rejects q outside [0, 1] and an unknown method', () => {
    expect(() => percentile([1, 2], 1.5)).toThrow(/q/);
    expect(() => percentile([1, 2], 0.5, 'midpoint' as never)).toThrow(/nearest-rank/);
  });
});
