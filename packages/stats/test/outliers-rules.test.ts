import { describe, expect, it } from 'vitest';
import { type OutlierRule, StatsError, removeOutliers } from '../src/index';
import { reference } from './_reference';

describe('removeOutliers', () => {
  for (const [name, rules] of Object.entries(reference.outliers)) {
    it(`matches numpy on ${name}`, () => {
      const data = reference.datasets[name] as number[];
      for (const [rule, expected] of Object.entries(rules)) {
        const { kept, removed } = removeOutliers(data, rule as OutlierRule);
        expect(kept.length, rule).toBe(expected.keptCount);
        expect(
          [...removed].sort((x, y) => x - y),
          rule,
        ).toEqual(expected.removed);
      }
    });
  }

  it('removes nothing below 10 samples, whatever the rule (the seed skips small n)', () => {
    const nine = [10, 10, 10, 10, 10, 10, 10, 10, 1000];
    for (const rule of ['sigma3', 'tukey', 'mad'] as const) {
      expect(removeOutliers(nine, rule).removed).toEqual([]);
    }
    expect(removeOutliers([...nine, 10], 'tukey').removed).toEqual([1000]);
  });

  it('keeps the original order of kept values and honours a custom threshold', () => {
    const data = [5, 1, 4, 2, 3, 5, 1, 4, 2, 3, 9];
    expect(removeOutliers(data, 'sigma3').kept).toEqual(data);
    expect(removeOutliers(data, 'sigma3', 1.5)).toEqual({ kept: data.slice(0, 10), removed: [9] });
  });

  it('refuses a threshold that would remove every sample', () => {
    const bimodal = [0, 0, 0, 0, 0, 10, 10, 10, 10, 10];
    const error = (() => {
      try {
        removeOutliers(bimodal, 'sigma3', 0.5);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StatsError);
    expect((error as StatsError).code).toBe('STATS_INVALID_OPTION');
  });
});
