import { meanOf, sampleVarianceOf } from '../_arith';
import { studentTTwoSidedP } from '../_distributions';
import { assertSamples } from '../_validate';
import { TooFewSamplesError } from '../errors';

export interface WelchResult {
  /** t statistic, positive when mean(a) > mean(b). */
  t: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Welch's unequal-variance t-test, two-sided; matches `scipy.stats.ttest_ind(a, b, equal_var=False)`.
 * Needs at least 2 samples per group. When both groups have zero variance (scipy returns NaN) the result
 * is defined as: equal means → t 0, p 1; different means → t ±Infinity, p 0; df = n1 + n2 − 2.
 * @example welchTTest([10, 11, 12, 13], [12, 13, 14, 15]) // { t: -2.19..., df: 6, p: 0.0709... }
 */
export function welchTTest(a: readonly number[], b: readonly number[]): WelchResult {
  assertSamples(a, 'a');
  assertSamples(b, 'b');
  if (a.length < 2) throw new TooFewSamplesError('a', 2, a.length);
  if (b.length < 2) throw new TooFewSamplesError('b', 2, b.length);
  const n1 = a.length;
  const n2 = b.length;
  const meanA = meanOf(a);
  const meanB = meanOf(b);
  const va = sampleVarianceOf(a, meanA) / n1;
  const vb = sampleVarianceOf(b, meanB) / n2;
  const diff = meanA - meanB;
  if (va + vb === 0) {
    const df = n1 + n2 - 2;
    return diff === 0 ? { t: 0, df, p: 1 } : { t: diff > 0 ? Infinity : -Infinity, df, p: 0 };
  }
  const t = diff / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (n1 - 1) + vb ** 2 / (n2 - 1));
  return { t, df, p: studentTTwoSidedP(t, df) };
}
