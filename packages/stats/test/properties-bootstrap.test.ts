import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapMedianDiff, confidenceInterval } from '../src/index';

const samples = fc.array(fc.double({ min: 0, max: 1e3, noNaN: true, noDefaultInfinity: true }), {
  minLength: 1,
  maxLength: 60,
});
const params = { seed: 7, numRuns: 100 };

describe('bootstrap determinism', () => {
  it('the same seed and data give the same mean CI, in any input order', () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (xs, seed) => {
        const options = { method: 'bootstrap' as const, seed, resamples: 300 };
        const first = confidenceInterval(xs, options);
        expect(confidenceInterval(xs, options)).toEqual(first);
        expect(confidenceInterval([...xs].reverse(), options)).toEqual(first);
      }),
      params,
    );
  });

  it('the same seed gives the same median-difference interval, with lower <= upper', () => {
    fc.assert(
      fc.property(samples, samples, fc.integer({ min: 0, max: 1000 }), (a, b, seed) => {
        const first = bootstrapMedianDiff(a, b, { seed, resamples: 300 });
        expect(bootstrapMedianDiff(a, b, { seed, resamples: 300 })).toEqual(first);
        expect(first.lower).toBeLessThanOrEqual(first.upper);
      }),
      params,
    );
  });
});
