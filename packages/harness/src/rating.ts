import type { Rating, Target } from './types';

/**
 * Rates a p50 latency against a target (DESIGN §8): `excellent` if `p50Ms < excellentMs`, `good` if
 * `p50Ms < targetMs`, else `needs_work`; `unrated` without a target.
 */
export function rateLatency(p50Ms: number, target: Target | null | undefined): Rating {
  if (!target) return 'unrated';
  if (p50Ms < target.excellentMs) return 'excellent';
  if (p50Ms < target.targetMs) return 'good';
  return 'needs_work';
}
