import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { bootstrapMedianRatio, type CompareResult, compareSamples } from '@kaizen-bench/stats';

/**
 * Fewest repetitions per side `compare` decides on: at 4 vs 4 an exact two-sided Mann-Whitney U test can
 * first reach p < 0.05 (p = 2/70 = 0.029 for a full separation; 3 vs 3 cannot go below 0.1).
 */
export const MIN_REPETITIONS = 4;
/** The repetitions the docs recommend per side (`--repeat 5`): 5 vs 5 can reach p = 0.008. */
export const RECOMMENDED_REPETITIONS = 5;
/** Seed and resamples of the bootstrap CI of the ratio of medians: the same data always give the same CI. */
export const RATIO_BOOTSTRAP = { seed: 42, resamples: 10_000 } as const;

/** A comparison over repetitions: the repetition p50s of each side, tested with {@link compareSamples}. */
export interface RepetitionComparison extends CompareResult {
  /** What was compared: one value per repetition (its p50), never the raw samples of a run. */
  unit: 'repetition_p50';
  /**
   * median(current repetition p50s) / median(baseline ones) with a seeded percentile-bootstrap CI over the
   * repetitions; null below {@link MIN_REPETITIONS} per side.
   */
  ratio: { value: number; lower: number; upper: number; confidence: number } | null;
}

/** The verdict over repetitions, and why it is `inconclusive` when it is. */
export interface RepetitionVerdict {
  comparison: RepetitionComparison;
  /** Set when the verdict is `inconclusive`: what was missing and what to do. */
  reason?: string;
}

/** A benchmark's repetition p50s: one per repetition of a merged file, else the run's own p50 (one run). */
export function repetitionP50s(result: OkBenchmarkResult): number[] {
  const repetitions = result.repetitions;
  return repetitions && repetitions.length > 0 ? repetitions.map((r) => r.p50) : [result.latency_ms.p50];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Compares the repetition p50s of two builds (the unit is the repetition, as google/benchmark's compare.py
 * and pyperf do: runs differ as a whole, so the samples within one run say nothing about run-to-run noise).
 * The verdict is {@link compareSamples}'s rule on the repetition p50s (Mann-Whitney U, exact for small
 * counts without ties; `unchanged` within the threshold), with at least {@link MIN_REPETITIONS} per side:
 * below that it is `inconclusive`, never `slower` or `faster`.
 */
export function compareRepetitions(
  baselineP50s: readonly number[],
  currentP50s: readonly number[],
  options: { threshold: number },
): RepetitionVerdict {
  const result = compareSamples(baselineP50s, currentP50s, {
    threshold: options.threshold,
    minSamples: MIN_REPETITIONS,
  });
  const nBefore = baselineP50s.length;
  const nAfter = currentP50s.length;
  const enough = nBefore >= MIN_REPETITIONS && nAfter >= MIN_REPETITIONS;
  let ratio: RepetitionComparison['ratio'] = null;
  if (enough && baselineP50s.every((p50) => p50 > 0)) {
    const ci = bootstrapMedianRatio(baselineP50s, currentP50s, RATIO_BOOTSTRAP);
    ratio = { value: ci.ratio, lower: ci.lower, upper: ci.upper, confidence: ci.confidence };
  }
  const comparison: RepetitionComparison = { ...result, unit: 'repetition_p50', ratio };
  if (result.verdict !== 'inconclusive') return { comparison };
  if (!enough) {
    const counts =
      nBefore === nAfter
        ? `${plural(nBefore, 'repetition')} per side`
        : `${nBefore} vs ${nAfter} repetitions`;
    return {
      comparison,
      reason: `${counts} cannot separate a change from run-to-run noise: use --repeat ${RECOMMENDED_REPETITIONS} (at least ${MIN_REPETITIONS} per side)`,
    };
  }
  return {
    comparison,
    reason: `a change of ${result.changePercent > 0 ? '+' : ''}${result.changePercent.toFixed(1)}% is within run-to-run noise over ${nBefore} vs ${nAfter} repetitions (p = ${result.pValue.toPrecision(2)}): add repetitions or quiet the machine`,
  };
}
