import { describe, expect, it } from 'vitest';
import { StatsError, welchTTest } from '../src/index';
import { expectClose, reference } from './_reference';

describe('welchTTest matches scipy.stats.ttest_ind(equal_var=False)', () => {
  for (const [name, pair] of Object.entries(reference.comparisons)) {
    it(name, () => {
      const { t, df, p } = welchTTest(pair.a, pair.b);
      expectClose(t, pair.welch.t, 1e-9, 't');
      expectClose(df, pair.welch.df, 1e-9, 'df');
      expectClose(p, pair.welch.p, 1e-6, 'p');
    });
  }

  it('defines the zero-variance case scipy leaves as NaN', () => {
    expect(welchTTest([2, 2], [2, 2, 2])).toEqual({ t: 0, df: 3, p: 1 });
    expect(welchTTest([2, 2], [3, 3])).toEqual({ t: Number.NEGATIVE_INFINITY, df: 2, p: 0 });
  });

  it('needs two samples per group', () => {
    expect(() => welchTTest([1], [1, 2])).toThrow(StatsError);
    expect(() => welchTTest([1], [1, 2])).toThrow(/at least 2/);
  });
});
