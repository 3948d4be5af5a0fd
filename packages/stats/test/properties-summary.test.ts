import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type StatsOptions, summarize } from '../src/index';

const sample = fc.double({ min: 0, max: 1e4, noNaN: true, noDefaultInfinity: true });
const samples = fc.array(sample, { minLength: 1, maxLength: 200 });
const options: fc.Arbitrary<StatsOptions> = fc.record({
  outliers: fc.constantFrom('sigma3', 'tukey', 'mad', 'none' as const),
  percentile: fc.constantFrom('nearest-rank', 'linear' as const),
  ci: fc.constantFrom('normal', 't', 'bootstrap' as const),
  resamples: fc.constant(200),
});
const params = { seed: 20240611, numRuns: 300 };

describe('summarize properties', () => {
  it('min <= p50 <= p95 <= p99 <= max and min <= mean <= max', () => {
    fc.assert(
      fc.property(samples, options, (xs, opts) => {
        const s = summarize(xs, opts);
        expect(s.min).toBeLessThanOrEqual(s.p50);
        expect(s.p50).toBeLessThanOrEqual(s.p95);
        expect(s.p95).toBeLessThanOrEqual(s.p99);
        expect(s.p99).toBeLessThanOrEqual(s.max);
        // Compensated summation keeps the mean inside [min, max] up to one rounding.
        expect(s.mean).toBeGreaterThanOrEqual(s.min * (1 - 1e-15));
        expect(s.mean).toBeLessThanOrEqual(s.max * (1 + 1e-15));
        expect(s.count + s.outliersRemoved).toBe(xs.length);
      }),
      params,
    );
  });

  it('the confidence interval contains the mean', () => {
    fc.assert(
      fc.property(samples, options, (xs, opts) => {
        const { mean, confidenceInterval } = summarize(xs, opts);
        expect(confidenceInterval.lower).toBeLessThanOrEqual(mean);
        expect(confidenceInterval.upper).toBeGreaterThanOrEqual(mean);
      }),
      params,
    );
  });

  it('is invariant under permutation of the samples', () => {
    fc.assert(
      fc.property(
        samples.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        options,
        ([xs, shuffled], opts) => {
          const a = summarize(xs, opts);
          const b = summarize(shuffled, opts);
          expect(b.p50).toBe(a.p50);
          expect(b.p99).toBe(a.p99);
          expect(b.count).toBe(a.count);
          expect(b.confidenceInterval.lower).toBeCloseTo(a.confidenceInterval.lower, 9);
          expect(b.mean).toBeCloseTo(a.mean, 9);
        },
      ),
      params,
    );
  });
});
