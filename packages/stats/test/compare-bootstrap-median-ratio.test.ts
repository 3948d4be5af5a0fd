import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootstrapMedianRatio, mannWhitneyU } from '../src/index';
import { expectClose } from './_reference';

interface RatioExpected {
  ratio: number;
  lower: number;
  upper: number;
  confidence: number;
}

/** fixtures/repetition-reference.json, written by fixtures/make_repetition_reference.py (numpy/scipy). */
const reference = JSON.parse(
  readFileSync(new URL('./fixtures/repetition-reference.json', import.meta.url), 'utf8'),
) as {
  bootstrapMedianRatio: Record<
    string,
    { a: number[]; b: number[]; seed42: RatioExpected; seed7_90: RatioExpected }
  >;
  mwuExactFullySeparated: Record<string, number>;
};

describe('bootstrapMedianRatio', () => {
  for (const [name, pair] of Object.entries(reference.bootstrapMedianRatio)) {
    it(`matches the numpy replay of the same seeded draws on ${name}`, () => {
      for (const [options, expected] of [
        [{ seed: 42, resamples: 2000 }, pair.seed42],
        [{ seed: 7, resamples: 1000, confidence: 0.9 }, pair.seed7_90],
      ] as const) {
        const actual = bootstrapMedianRatio(pair.a, pair.b, options);
        expect(actual.confidence).toBe(expected.confidence);
        expectClose(actual.ratio, expected.ratio, 1e-12, 'ratio');
        expectClose(actual.lower, expected.lower, 1e-12, 'lower');
        expectClose(actual.upper, expected.upper, 1e-12, 'upper');
      }
    });
  }

  it('is deterministic for a seed and brackets the observed ratio', () => {
    const pair = reference.bootstrapMedianRatio['slower_20pct_5_5']!;
    const one = bootstrapMedianRatio(pair.a, pair.b, { seed: 3 });
    expect(bootstrapMedianRatio([...pair.a].reverse(), pair.b, { seed: 3 })).toEqual(one);
    expect(one.lower).toBeLessThanOrEqual(one.ratio);
    expect(one.upper).toBeGreaterThanOrEqual(one.ratio);
    expect(one.lower).toBeGreaterThan(1);
  });

  it('gives the documented example (python replay of the same draws)', () => {
    const result = bootstrapMedianRatio([10, 10.4, 9.8, 10.1, 10.2], [12, 12.3, 11.9, 12.4, 12.1], {
      seed: 42,
    });
    expectClose(result.ratio, 1.198019801980198, 1e-12, 'ratio');
    expectClose(result.lower, 1.1634615384615383, 1e-12, 'lower');
    expectClose(result.upper, 1.24, 1e-12, 'upper');
  });

  it('refuses a zero in the baseline (no ratio to it) and a missing seed', () => {
    expect(() => bootstrapMedianRatio([0, 1, 2], [1, 2, 3], { seed: 1 })).toThrow(/non-zero baseline/);
    expect(() => bootstrapMedianRatio([1, 2], [3, 4], {} as never)).toThrow(/seed/);
  });
});

describe('repetition counts and the exact Mann-Whitney U test', () => {
  // Why a comparison over repetitions needs >= 4 per side: below that even a perfect separation is not p < 0.05.
  for (const [n, expected] of Object.entries(reference.mwuExactFullySeparated)) {
    it(`${n} vs ${n} fully separated repetitions: p = ${expected.toPrecision(3)} (scipy)`, () => {
      const size = Number(n);
      const a = Array.from({ length: size }, (_, i) => i + 1);
      const b = Array.from({ length: size }, (_, i) => size + i + 1);
      const result = mannWhitneyU(a, b, { method: 'exact' });
      expectClose(result.p, expected, 1e-9, 'p');
      expect(result.p < 0.05).toBe(size >= 4);
    });
  }
});
