import { normalSf } from '../_distributions';
import { assertOneOf, assertSamples } from '../_validate';
import { InvalidOptionError } from '../errors';
import { exactUpperTail } from './_mwu-exact';
import { uStatistic } from './_ranks';

/** How the Mann-Whitney p-value is computed. */
export type MannWhitneyMethod = 'auto' | 'exact' | 'asymptotic';

export interface MannWhitneyOptions {
  /**
   * - `'asymptotic'`: normal approximation with tie-corrected variance and continuity correction.
   * - `'exact'`: exact null distribution of U (ignores ties, as scipy; n1 × n2 ≤ 10000).
   * - `'auto'`: scipy ≥ 1.7's rule: `'exact'` when at least one sample has ≤ 8 values and there are no
   *   ties in the pooled data, else `'asymptotic'`.
   * @default 'auto'
   */
  method?: MannWhitneyMethod;
}

export interface MannWhitneyResult {
  /** U statistic of sample `a` (scipy's U1): pairs (a_i, b_j) with a_i > b_j, ties counting one half. */
  u: number;
  /**
   * Standardized U1 with tie-corrected variance and continuity correction toward the mean; positive when
   * `a` tends to be larger. Reported for both methods; 0 when every value is tied.
   */
  z: number;
  /** Two-sided p-value. */
  p: number;
  /** The method actually used (`'auto'` resolved). */
  method: 'exact' | 'asymptotic';
}

/** Largest n1 × n2 for which `'exact'` is computed (BigInt work grows as min(n1, n2)² × max(n1, n2)). */
export const MWU_EXACT_MAX_PRODUCT = 10_000;
const AUTO_EXACT_MAX_SIZE = 8;

/**
 * Two-sided Mann-Whitney U test (Wilcoxon rank-sum) of `a` against `b`, matching
 * `scipy.stats.mannwhitneyu(a, b, alternative='two-sided', use_continuity=True, method=...)`.
 * @example mannWhitneyU([1.1, 2.3, 0.9], [3.2, 4.1, 2.8]) // { u: 0, z: -1.746..., p: 0.1, method: 'exact' }
 */
export function mannWhitneyU(
  a: readonly number[],
  b: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const requested = options.method ?? 'auto';
  assertSamples(a, 'a');
  assertSamples(b, 'b');
  assertOneOf('method', requested, ['auto', 'exact', 'asymptotic']);
  const n1 = a.length;
  const n2 = b.length;
  const { u1, tieSizes } = uStatistic(a, b);
  const mu = (n1 * n2) / 2;
  const n = n1 + n2;
  const tieTerm = tieSizes.reduce((sum, t) => sum + t ** 3 - t, 0);
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const distance = Math.abs(u1 - mu);
  const z = sigma === 0 || distance === 0 ? 0 : (Math.sign(u1 - mu) * Math.max(distance - 0.5, 0)) / sigma;

  const method =
    requested === 'auto'
      ? Math.min(n1, n2) <= AUTO_EXACT_MAX_SIZE && tieSizes.length === 0
        ? 'exact'
        : 'asymptotic'
      : requested;
  let p: number;
  if (method === 'exact') {
    if (n1 * n2 > MWU_EXACT_MAX_PRODUCT) {
      throw new InvalidOptionError(
        'method',
        'exact',
        `'asymptotic' or 'auto' when n1 × n2 > ${MWU_EXACT_MAX_PRODUCT}`,
      );
    }
    // scipy evaluates the tail at the larger of U1, U2, truncated to an integer.
    p = 2 * exactUpperTail(Math.floor(Math.max(u1, n1 * n2 - u1)), n1, n2);
  } else {
    p = sigma === 0 ? 1 : 2 * normalSf((distance - 0.5) / sigma);
  }
  return { u: u1, z, p: Math.min(1, p), method };
}
