// The fields of an `ok` result computed from a summary, shared by a single run (run-benchmark.ts) and a merge
// of repetitions (merge-repetitions.ts), so both write them the same way.
import { bootstrapMedianDiff, type Summary } from '@kaizen-bench/stats';
import type { ArmOutput } from './_measure';
import { OVERHEAD_BOOTSTRAP_RESAMPLES } from './constants';
import type { OkBenchmarkResult, OverheadResult, TimingInfo } from './types';

/** `latency_ms` of a result from its summary (a stddev of one sample is written as 0). */
export function latencyOf(summary: Summary): OkBenchmarkResult['latency_ms'] {
  return {
    p50: summary.p50,
    p95: summary.p95,
    p99: summary.p99,
    mean: summary.mean,
    stddev: finiteOr(summary.stddev, 0),
    min: summary.min,
    max: summary.max,
    count: summary.count,
  };
}

/** `confidence_interval` of a result from its summary (collapsed to the mean when it is not finite). */
export function ciOf(summary: Summary): OkBenchmarkResult['confidence_interval'] {
  return {
    lower: finiteOr(summary.confidenceInterval.lower, summary.mean),
    upper: finiteOr(summary.confidenceInterval.upper, summary.mean),
    confidence: summary.confidenceInterval.confidence,
  };
}

/** `timing` of a result from how its arm was measured. */
export function timingOf(arm: Pick<ArmOutput, 'mode' | 'batchSize'>, timerCostNs: number): TimingInfo {
  return {
    clock: 'process.hrtime.bigint',
    mode: arm.mode,
    batch_size: arm.batchSize,
    timer_cost_ns: timerCostNs,
  };
}

/** Ratio and difference of p50s, with a seeded bootstrap CI of the difference of medians. None for a 0 ms floor. */
export function overheadOf(
  subject: Summary,
  floor: Summary,
  subjectSamples: number[],
  floorSamples: number[],
  seed: number,
): OverheadResult | undefined {
  if (!(floor.p50 > 0)) return undefined;
  const diff = bootstrapMedianDiff(floorSamples, subjectSamples, {
    seed,
    resamples: OVERHEAD_BOOTSTRAP_RESAMPLES,
    confidence: subject.confidenceInterval.confidence,
  });
  return {
    ratio_p50: subject.p50 / floor.p50,
    diff_p50_ms: subject.p50 - floor.p50,
    diff_ci: { lower: diff.lower, upper: diff.upper, confidence: diff.confidence },
  };
}

export function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
