import { describe, expect, it } from 'vitest';
import { normalQuantile, normalSf, studentTCriticalValue } from '../src/_distributions';
import { confidenceInterval, mean } from '../src/index';
import { expectClose, reference } from './_reference';

describe('confidence intervals', () => {
  it('normal z quantiles and tail match scipy.stats.norm', () => {
    for (const [c, z] of Object.entries(reference.quantiles.normal)) {
      expectClose(normalQuantile((1 + Number(c)) / 2), z, 1e-12, `z(${c})`);
    }
    for (const [z, p] of Object.entries(reference.quantiles.normalSf)) {
      expectClose(normalSf(Number(z)), p, 1e-12, `sf(${z})`);
    }
  });

  it('Student-t critical values match scipy.stats.t.ppf to 1e-12', () => {
    for (const [key, t] of Object.entries(reference.quantiles.tCritical)) {
      const [c, df] = key.split('/').map(Number) as [number, number];
      expectClose(studentTCriticalValue(c, df), t, 1e-12, key);
    }
  });

  it("uses the seed's z = 1.96 exactly at 95 %", () => {
    const data = [10, 12, 11, 13];
    const ci = confidenceInterval(data);
    const halfWidth = (1.96 * Math.sqrt(5 / 3)) / 2;
    expect(ci).toEqual({ lower: 11.5 - halfWidth, upper: 11.5 + halfWidth, confidence: 0.95 });
  });

  it('t is wider than normal for small n, and a higher confidence is wider', () => {
    const data = [10, 12, 11, 13, 12];
    const width = (ci: { lower: number; upper: number }) => ci.upper - ci.lower;
    expect(width(confidenceInterval(data, { method: 't' }))).toBeGreaterThan(width(confidenceInterval(data)));
    expect(width(confidenceInterval(data, { confidence: 0.99 }))).toBeGreaterThan(
      width(confidenceInterval(data)),
    );
  });

  it('bootstrap is reproducible for a seed, differs across seeds, and brackets the mean', () => {
    const data = reference.datasets['lognormal_200'] as number[];
    const a = confidenceInterval(data, { method: 'bootstrap', seed: 5, resamples: 3000 });
    const b = confidenceInterval(data, { method: 'bootstrap', seed: 5, resamples: 3000 });
    const c = confidenceInterval(data, { method: 'bootstrap', seed: 6, resamples: 3000 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.lower).toBeLessThan(mean(data));
    expect(a.upper).toBeGreaterThan(mean(data));
    // The bootstrap and normal intervals of a mean of 200 samples agree to within a few percent of the width.
    const normal = confidenceInterval(data);
    expect(Math.abs(a.lower - normal.lower)).toBeLessThan(0.1 * (normal.upper - normal.lower));
  });

  it('rejects a confidence outside (0, 1) and a non-integer resample count', () => {
    expect(() => confidenceInterval([1, 2], { confidence: 1 })).toThrow(/confidence/);
    expect(() => confidenceInterval([1, 2], { method: 'bootstrap', resamples: 1.5 })).toThrow(/resamples/);
  });
});
