import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { bootstrapMedianRatio, type CompareResult, compareSamples, median } from '@kaizen-bench/stats';

/**
 * Fewest repetitions per side `compare` decides on: at 4 vs 4 an exact two-sided Mann-Whitney U test can
 * first reach p < 0.05 (p = 2/70 = 0.029 for a full separation; 3 vs 3 cannot go below 0.1).
 */
export const MIN_REPETITIONS = 4;
/** The repetitions the docs recommend per side (`--repeat 5`): 5 vs 5 can reach p = 0.008. */
export const RECOMMENDED_REPETITIONS = 5;
/** Seed and resamples of the bootstrap CI of the ratio of medians: the same data always give the same CI. */
export const RATIO_BOOTSTRAP = { seed: 42, resamples: 10_000 } as const;

/**
 * Above this share of wall time with some task waiting for a CPU (Linux PSI, `machine_pressure.cpu_some`) a
 * repetition ran on a busy machine. Chosen from 30 checkpoints runs on a shared 2-core VM: alone, each
 * benchmark read 4-15% (this process's own threads count too); beside other engineers' builds and tests,
 * 25-94%, with Compression's p50 up to 2x.
 */
export const BUSY_CPU_PRESSURE = 0.2;

/**
 * How far a benchmark's repetition p50s may move, as a whole, between two sessions of one build that did not
 * overlap in time on a shared machine that is not busy (CPU frequency, the host's other guests, page cache): a
 * significant change no larger than this, between runs that were not interleaved, is `inconclusive`, not
 * `slower` / `faster`. Measured here with scripts/calibrate-compare.mjs --mode sequential (apps/cli/README.md):
 * same-build `run --repeat 5` sessions of checkpoints a few minutes apart differed by up to 18.6%
 * (Compression: brotli's CPU work beside an fsync floor), 13.3% (Save) and 10.2% (Load), every repetition of
 * one session beyond every one of the other; 15% kept 89 of 90 same-build verdicts clear. The price: a 20% slowdown between separate sessions is caught less often;
 * `ab` (interleaved) is not affected.
 */
export const SESSION_DRIFT = 0.15;

/** What `compare` tested: one value per repetition. */
export type RepetitionUnit = 'repetition_p50' | 'repetition_p50_floor_adjusted';

/** A comparison over repetitions: one value per repetition of each side, tested with {@link compareSamples}. */
export interface RepetitionComparison extends CompareResult {
  /**
   * What was compared, one value per repetition, never the raw samples of a run: `repetition_p50`, its p50;
   * `repetition_p50_floor_adjusted` (both sides have a floor in every repetition), its p50 minus its floor's
   * p50 plus the baseline's median floor p50, i.e. the p50 with the floor's run-to-run swings taken out.
   */
  unit: RepetitionUnit;
  /**
   * median(current values) / median(baseline ones) with a seeded percentile-bootstrap CI over the
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

/** One side of a comparison: per repetition, its p50 and, when known, its floor's p50 and the CPU pressure. */
export interface RepetitionSide {
  p50s: number[];
  /** One per repetition when the benchmark has a floor in every repetition, else undefined. */
  floorP50s?: number[];
  /** Per repetition, `machine_pressure.cpu_some` where it was read. */
  cpuPressure: (number | undefined)[];
}

/** A benchmark's repetitions: one per repetition of a merged file, else the run itself (one run). */
export function repetitionSide(result: OkBenchmarkResult): RepetitionSide {
  const repetitions = result.repetitions;
  if (repetitions && repetitions.length > 0) {
    const floors = repetitions.map((r) => r.floor_p50);
    return {
      p50s: repetitions.map((r) => r.p50),
      ...(floors.every((f): f is number => f !== undefined) ? { floorP50s: floors } : {}),
      cpuPressure: repetitions.map((r) => r.machine_pressure?.cpu_some),
    };
  }
  const floor = result.baseline?.latency_ms.p50;
  return {
    p50s: [result.latency_ms.p50],
    ...(floor !== undefined ? { floorP50s: [floor] } : {}),
    cpuPressure: [result.machine_pressure?.cpu_some],
  };
}

/** A benchmark's repetition p50s: one per repetition of a merged file, else the run's own p50 (one run). */
export function repetitionP50s(result: OkBenchmarkResult): number[] {
  return repetitionSide(result).p50s;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const percent = (share: number) => `${Math.round(share * 100)}%`;
const signed = (changePercent: number) => `${changePercent > 0 ? '+' : ''}${changePercent.toFixed(1)}%`;

/**
 * The values compared per repetition. With a floor in every repetition of both sides, each p50 less its own
 * floor's p50 plus the baseline's median floor: the floor is the same bare work timed beside the subject in
 * the same process, so what moves both (a slower disk, page-cache state, a busier CPU) is taken out, and
 * what moves the subject only (the build) stays. Clamped at 0 (a floor slower than its subject).
 */
function valuesOf(
  baseline: RepetitionSide,
  current: RepetitionSide,
): { unit: RepetitionUnit; before: number[]; after: number[] } {
  const bf = baseline.floorP50s;
  const cf = current.floorP50s;
  if (!bf || !cf) return { unit: 'repetition_p50', before: baseline.p50s, after: current.p50s };
  const typicalFloor = median(bf);
  const adjust = (p50s: number[], floors: number[]) =>
    p50s.map((p50, i) => Math.max(0, p50 - (floors[i] ?? 0) + typicalFloor));
  return {
    unit: 'repetition_p50_floor_adjusted',
    before: adjust(baseline.p50s, bf),
    after: adjust(current.p50s, cf),
  };
}

/** The busiest repetition of a side above `limit`, as `(pressure, repetition number)`. */
function busiest(side: RepetitionSide, limit: number): { pressure: number; repetition: number } | undefined {
  let found: { pressure: number; repetition: number } | undefined;
  side.cpuPressure.forEach((pressure, index) => {
    if (pressure !== undefined && pressure > limit && pressure > (found?.pressure ?? 0)) {
      found = { pressure, repetition: index + 1 };
    }
  });
  return found;
}

/**
 * Compares the repetitions of two builds (the unit is the repetition, as google/benchmark's compare.py and
 * pyperf do: runs differ as a whole, so the samples within one run say nothing about run-to-run noise).
 * The verdict is {@link compareSamples}'s rule (Mann-Whitney U, exact for small counts without ties;
 * `unchanged` within the threshold) on one value per repetition (see {@link RepetitionUnit}), with at least
 * {@link MIN_REPETITIONS} per side: below that it is `inconclusive`, never `slower` or `faster`. When the two
 * sides did not run interleaved and either ran on a busy machine (CPU pressure above `maxCpuPressure`,
 * default {@link BUSY_CPU_PRESSURE}, in a repetition), a `slower` or `faster` is `inconclusive` too: a busier
 * machine cannot be told from a slower build. `maxCpuPressure` 1 turns the check off. Runs that did not
 * overlap in time, on a quiet machine, get `slower` / `faster` only for a change beyond `sessionDrift`
 * (default {@link SESSION_DRIFT}; 0 turns it off): smaller ones are `inconclusive`.
 */
export function compareRepetitions(
  baseline: RepetitionSide,
  current: RepetitionSide,
  options: { threshold: number; interleaved: boolean; maxCpuPressure?: number; sessionDrift?: number },
): RepetitionVerdict {
  const limit = options.maxCpuPressure ?? BUSY_CPU_PRESSURE;
  const drift = options.sessionDrift ?? SESSION_DRIFT;
  const { unit, before, after } = valuesOf(baseline, current);
  const result = compareSamples(before, after, {
    threshold: options.threshold,
    minSamples: MIN_REPETITIONS,
  });
  const nBefore = before.length;
  const nAfter = after.length;
  const enough = nBefore >= MIN_REPETITIONS && nAfter >= MIN_REPETITIONS;
  let ratio: RepetitionComparison['ratio'] = null;
  if (enough && before.every((value) => value > 0)) {
    const ci = bootstrapMedianRatio(before, after, RATIO_BOOTSTRAP);
    ratio = { value: ci.ratio, lower: ci.lower, upper: ci.upper, confidence: ci.confidence };
  }
  const comparison: RepetitionComparison = { ...result, unit, ratio };
  if (result.verdict === 'slower' || result.verdict === 'faster') {
    const busy = options.interleaved ? undefined : (busiest(current, limit) ?? busiest(baseline, limit));
    if (!busy) {
      if (options.interleaved || Math.abs(result.changePercent) > drift * 100) return { comparison };
      return {
        comparison: { ...comparison, verdict: 'inconclusive' },
        reason: `${signed(result.changePercent)} is significant over the repetitions, but the two runs did not overlap in time and separate sessions of one build drift by up to ${percent(drift)}: use kaizen-bench ab (interleaved) to judge a change this small, or --session-drift to change the allowance`,
      };
    }
    const which = busiest(current, limit) ? 'current' : 'baseline';
    return {
      comparison: { ...comparison, verdict: 'inconclusive' },
      reason: `the ${which} run was on a busy machine (some task waited for a CPU ${percent(busy.pressure)} of the time in repetition ${busy.repetition}; above ${percent(limit)} counts as busy) and the two runs did not overlap in time: a busier machine cannot be told from a ${result.verdict} build; rerun both on a quiet machine, or use kaizen-bench ab`,
    };
  }
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
    reason: `a change of ${signed(result.changePercent)} is within run-to-run noise over ${nBefore} vs ${nAfter} repetitions (p = ${result.pValue.toPrecision(2)}): add repetitions or quiet the machine`,
  };
}
