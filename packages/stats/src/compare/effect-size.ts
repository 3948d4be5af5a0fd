import { assertSamples } from '../_validate';
import { uStatistic } from './_ranks';

/** Conventional reading of |δ| (Romano et al. 2006): < 0.147 negligible, < 0.33 small, < 0.474 medium. */
export type EffectMagnitude = 'negligible' | 'small' | 'medium' | 'large';

export interface CliffsDeltaResult {
  /** P(x > y) − P(x < y) over all pairs, in [−1, 1]. */
  delta: number;
  magnitude: EffectMagnitude;
}

/**
 * Cliff's delta, a rank-based effect size: δ = P(x > y) − P(x < y) = 2·U1 / (n1·n2) − 1.
 * Chosen over Cohen's d because latency data is skewed and δ needs no normality; it pairs with the
 * Mann-Whitney test. For timings in ms, δ(current, baseline) > 0 means current tends to be slower.
 * @example cliffsDelta([3, 4, 5], [1, 2, 3]) // { delta: 0.888..., magnitude: 'large' }
 */
export function cliffsDelta(x: readonly number[], y: readonly number[]): CliffsDeltaResult {
  assertSamples(x, 'x');
  assertSamples(y, 'y');
  const { u1 } = uStatistic(x, y);
  const pairs = x.length * y.length;
  const delta = (2 * u1 - pairs) / pairs;
  return { delta, magnitude: magnitudeOf(delta) };
}

function magnitudeOf(delta: number): EffectMagnitude {
  const size = Math.abs(delta);
  if (size < 0.147) return 'negligible';
  if (size < 0.33) return 'small';
  if (size < 0.474) return 'medium';
  return 'large';
}
