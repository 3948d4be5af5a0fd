import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from '../src/index';
import { expectClose, reference } from './_reference';

describe('mannWhitneyU matches scipy.stats.mannwhitneyu(alternative="two-sided")', () => {
  for (const [name, pair] of Object.entries(reference.comparisons)) {
    it(name, () => {
      const asymptotic = mannWhitneyU(pair.a, pair.b, { method: 'asymptotic' });
      expect(asymptotic.method).toBe('asymptotic');
      expectClose(asymptotic.u, pair.mwuAsymptotic.u, 1e-12, 'u');
      expectClose(asymptotic.p, pair.mwuAsymptotic.p, 1e-6, 'asymptotic p');
      expectClose(asymptotic.z, pair.mwuAsymptotic.z, 1e-9, 'z');
      if (pair.mwuExact) {
        const exact = mannWhitneyU(pair.a, pair.b, { method: 'exact' });
        expect(exact.method).toBe('exact');
        expectClose(exact.p, pair.mwuExact.p, 1e-6, 'exact p');
      }
      const auto = mannWhitneyU(pair.a, pair.b);
      expect(auto.method).toBe(pair.mwuAuto.method);
      expectClose(auto.p, pair.mwuAuto.p, 1e-6, 'auto p');
    });
  }

  it('reports U of the first sample and a z whose sign says which sample is larger', () => {
    const low = [1, 2, 3, 4, 5];
    const high = [6, 7, 8, 9, 10];
    expect(mannWhitneyU(high, low)).toMatchObject({ u: 25, method: 'exact' });
    expect(mannWhitneyU(high, low).z).toBeGreaterThan(0);
    expect(mannWhitneyU(low, high)).toMatchObject({ u: 0 });
    expect(mannWhitneyU(low, high).z).toBeLessThan(0);
  });

  it('all values tied: p = 1, z = 0', () => {
    expect(mannWhitneyU([4, 4, 4], [4, 4])).toEqual({ u: 3, z: 0, p: 1, method: 'asymptotic' });
  });

  it('refuses exact for n1 × n2 beyond the limit', () => {
    const big = Array.from({ length: 101 }, (_, i) => i);
    expect(() =>
      mannWhitneyU(
        big,
        big.map((v) => v + 0.5),
        { method: 'exact' },
      ),
    ).toThrow(/asymptotic/);
  });
});
