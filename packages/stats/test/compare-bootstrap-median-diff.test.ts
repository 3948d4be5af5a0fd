import { describe, expect, it } from 'vitest';
import { bootstrapMedianDiff } from '../src/index';
import { expectClose, reference } from './_reference';

describe('bootstrapMedianDiff', () => {
  for (const [name, pair] of Object.entries(reference.comparisons)) {
    it(`matches the numpy replay of the same seeded draws on ${name}`, () => {
      const expected = pair.bootstrapMedianDiff;
      const actual = bootstrapMedianDiff(pair.a, pair.b, { seed: 11, resamples: 2000 });
      expect(actual.confidence).toBe(0.95);
      expectClose(actual.diff, expected.diff, 1e-9, 'diff');
      expectClose(actual.lower, expected.lower, 1e-9, 'lower');
      expectClose(actual.upper, expected.upper, 1e-9, 'upper');
    });
  }

  it('a clear shift gives an interval that excludes 0 on the right side', () => {
    const pair = reference.comparisons['separated']!;
    const result = bootstrapMedianDiff(pair.a, pair.b, { seed: 1 });
    expect(result.lower).toBeGreaterThan(0);
    expect(result.lower).toBeLessThanOrEqual(result.diff);
    expect(result.upper).toBeGreaterThanOrEqual(result.diff);
  });

  it('rejects a missing seed', () => {
    expect(() => bootstrapMedianDiff([1, 2], [3, 4], {} as never)).toThrow(/seed/);
  });
});
