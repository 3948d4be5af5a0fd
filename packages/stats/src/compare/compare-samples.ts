import { medianOfSorted } from '../_arith';
import { assertInteger, assertOpenUnit, assertSamples, sortedCopy } from '../_validate';
import { InvalidOptionError } from '../errors';
import { cliffsDelta } from './effect-size';
import { mannWhitneyU } from './mann-whitney';

/** Outcome of comparing a current run against a baseline (lower ms = faster). */
export type CompareVerdict = 'faster' | 'slower' | 'unchanged' | 'inconclusive';

export interface CompareOptions {
  /** Smallest relative change of the median that counts as a change (0.05 = 5 %). @default 0.05 */
  threshold?: number;
  /** Significance level for the Mann-Whitney p-value. @default 0.05 */
  alpha?: number;
  /** Fewer samples than this on either side gives `'inconclusive'`. @default 5 */
  minSamples?: number;
}

export interface CompareResult {
  baselineMedian: number;
  currentMedian: number;
  /**
   * (currentMedian − baselineMedian) / baselineMedian × 100; positive = slower. 0 when both medians are 0,
   * `Infinity` when only the baseline median is 0.
   */
  changePercent: number;
  /** Two-sided Mann-Whitney U p-value (method 'auto'). */
  pValue: number;
  verdict: CompareVerdict;
  test: 'mann-whitney-u';
  /** Exact or asymptotic, as chosen by the 'auto' rule. */
  testMethod: 'exact' | 'asymptotic';
  /** Cliff's delta of current vs baseline: > 0 means current tends to be slower. */
  effectSize: number;
}

export const DEFAULT_COMPARE_THRESHOLD = 0.05;
export const DEFAULT_COMPARE_ALPHA = 0.05;
export const DEFAULT_COMPARE_MIN_SAMPLES = 5;

/**
 * Compares two sets of raw timings (ms) by their medians and a two-sided Mann-Whitney U test.
 *
 * Verdict rule, in order (change = relative change of the median):
 * 1. fewer than `minSamples` samples on either side → `'inconclusive'`;
 * 2. |change| ≤ threshold → `'unchanged'` (a difference smaller than the threshold is not a change worth
 *    reporting, even if it is statistically detectable);
 * 3. p < alpha → `'slower'` if the median went up, `'faster'` if it went down;
 * 4. otherwise (a large change that is not significant: too much noise) → `'inconclusive'`.
 * @example compareSamples(baselineMs, currentMs, { threshold: 0.1 }).verdict // 'slower'
 */
export function compareSamples(
  baseline: readonly number[],
  current: readonly number[],
  options: CompareOptions = {},
): CompareResult {
  const {
    threshold = DEFAULT_COMPARE_THRESHOLD,
    alpha = DEFAULT_COMPARE_ALPHA,
    minSamples = DEFAULT_COMPARE_MIN_SAMPLES,
  } = options;
  assertSamples(baseline, 'baseline');
  assertSamples(current, 'current');
  if (typeof threshold !== 'number' || !(threshold >= 0 && Number.isFinite(threshold))) {
    throw new InvalidOptionError('threshold', threshold, 'a fraction >= 0, e.g. 0.05 for 5 %');
  }
  assertOpenUnit('alpha', alpha);
  assertInteger('minSamples', minSamples, 1);

  const baselineMedian = medianOfSorted(sortedCopy(baseline));
  const currentMedian = medianOfSorted(sortedCopy(current));
  const change = relativeChange(baselineMedian, currentMedian);
  const test = mannWhitneyU(baseline, current, { method: 'auto' });
  const enough = baseline.length >= minSamples && current.length >= minSamples;
  let verdict: CompareVerdict;
  if (!enough) verdict = 'inconclusive';
  else if (Math.abs(change) <= threshold) verdict = 'unchanged';
  else if (test.p < alpha) verdict = change > 0 ? 'slower' : 'faster';
  else verdict = 'inconclusive';
  return {
    baselineMedian,
    currentMedian,
    changePercent: change * 100,
    pValue: test.p,
    verdict,
    test: 'mann-whitney-u',
    testMethod: test.method,
    effectSize: cliffsDelta(current, baseline).delta,
  };
}

function relativeChange(baseline: number, current: number): number {
  if (baseline === 0) return current === 0 ? 0 : Infinity;
  return (current - baseline) / baseline;
}
