import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { StatsOptions, Summary } from '../src/index';

/** Shape of fixtures/reference.json, written by fixtures/make_reference.py (numpy/scipy). */
export interface Reference {
  generator: { numpy: string; scipy: string };
  datasets: Record<string, number[]>;
  summaries: Record<string, { options: StatsOptions; expected: Summary }[]>;
  outliers: Record<string, Record<string, { keptCount: number; removed: number[] }>>;
  percentiles: Record<string, { q: number[]; linear: number[]; nearestRank: number[] }>;
  quantiles: {
    normal: Record<string, number>;
    tCritical: Record<string, number>;
    normalSf: Record<string, number>;
  };
  comparisons: Record<
    string,
    {
      a: number[];
      b: number[];
      welch: { t: number; df: number; p: number };
      mwuAsymptotic: { u: number; p: number; z: number };
      mwuExact?: { u: number; p: number };
      mwuAuto: { u: number; p: number; method: 'exact' | 'asymptotic' };
      bootstrapMedianDiff: { diff: number; lower: number; upper: number; confidence: number };
      cliffsDelta: number;
    }
  >;
}

export const reference: Reference = JSON.parse(
  readFileSync(new URL('./fixtures/reference.json', import.meta.url), 'utf8'),
);

/** Values agree to `rel` relative to the expected magnitude (absolute near zero). */
export function expectClose(actual: number, expected: number, rel = 1e-9, label = ''): void {
  const tolerance = rel * Math.max(Math.abs(expected), 1e-12);
  if (!(Math.abs(actual - expected) <= tolerance)) {
    expect.fail(`${label}: got ${actual}, expected ${expected} (relative tolerance ${rel})`);
  }
}
