import type { Diagnostic, OkBenchmarkResult } from './types';

/**
 * Thresholds of the diagnostics, in one place. Source: the original suite's "Interpreting results" advice
 * (CI wider than 10% of the mean, more than 10% outliers, a loaded machine, CPU above 95%, memory above
 * 2000 MB), plus kaizen-bench's floor rule (DESIGN §12: a subject far above its floor is where to optimize).
 */
export const DIAGNOSTIC_THRESHOLDS = {
  /** CI half-width over the mean above which a result is called highly variable. */
  ciHalfWidthFraction: 0.1,
  /** Share of samples removed as outliers above which GC or other processes are suspected. */
  outlierFraction: 0.1,
  /** 1-minute load average per logical core above which the machine is called loaded. */
  loadPerCore: 1,
  /** CPU peak, % of one core, above which an I/O-bound benchmark is called CPU-saturated. */
  cpuPeakPercent: 95,
  /** RSS peak, MB, above which memory is noted. */
  memoryPeakMb: 2000,
  /** Benchmark p50 over floor p50 above which the overhead is noted. */
  floorRatio: 10,
} as const;

/** What the run saw of the machine while the benchmark ran. */
export interface MachineLoad {
  /** Highest 1-minute load average read during the benchmark. */
  loadAverage1m: number;
  /** Logical cores of the machine. */
  cores: number;
}

type DiagnosedFields = Pick<
  OkBenchmarkResult,
  | 'latency_ms'
  | 'confidence_interval'
  | 'outliers_removed'
  | 'samples_ms'
  | 'resources'
  | 'overhead'
  | 'sampling'
>;

const pct = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

/**
 * The seed's advice for reading a result, computed: one {@link Diagnostic} per rule that fires, each with
 * what was seen and what to do. An empty array for a clean result.
 * @param ioBound the benchmark is meant to wait on I/O (enables the CPU-saturation rule)
 */
export function diagnoseResult(result: DiagnosedFields, machine: MachineLoad, ioBound = false): Diagnostic[] {
  const t = DIAGNOSTIC_THRESHOLDS;
  const out: Diagnostic[] = [];
  const { mean } = result.latency_ms;
  const half = (result.confidence_interval.upper - result.confidence_interval.lower) / 2;
  if (mean > 0 && half / mean > t.ciHalfWidthFraction) {
    out.push({
      code: 'high_variability',
      message: `CI half-width is ${pct(half / mean)} of the mean (over ${pct(t.ciHalfWidthFraction)}): add warmup or iterations (or --target-ci), or run on a quieter machine`,
    });
  }
  const taken = result.samples_ms.length;
  if (taken > 0 && result.outliers_removed / taken > t.outlierFraction) {
    out.push({
      code: 'many_outliers',
      message: `${result.outliers_removed} of ${taken} samples (${pct(result.outliers_removed / taken)}) were removed as outliers: look for GC pauses or other processes`,
    });
  }
  if (machine.cores > 0 && machine.loadAverage1m > machine.cores * t.loadPerCore) {
    out.push({
      code: 'machine_loaded',
      message: `load average ${machine.loadAverage1m.toFixed(2)} exceeded the ${machine.cores} cores during the run: results are noisy, rerun on a quieter machine`,
    });
  }
  if (ioBound && result.resources && result.resources.cpu_peak > t.cpuPeakPercent) {
    out.push({
      code: 'cpu_saturated',
      message: `CPU peaked at ${result.resources.cpu_peak.toFixed(0)}% of a core in an I/O-bound benchmark: something computes where it should wait`,
    });
  }
  if (result.resources && result.resources.memory_peak_mb > t.memoryPeakMb) {
    out.push({
      code: 'high_memory',
      message: `memory peaked at ${result.resources.memory_peak_mb.toFixed(0)} MB (over ${t.memoryPeakMb} MB): check for retained state`,
    });
  }
  if (result.overhead && result.overhead.ratio_p50 > t.floorRatio) {
    out.push({
      code: 'far_above_floor',
      message: `p50 is ${result.overhead.ratio_p50.toFixed(1)}x its floor (over ${t.floorRatio}x): this is where to optimize`,
    });
  }
  if (result.sampling?.mode === 'target_ci' && result.sampling.stopped_by !== 'ci') {
    out.push({
      code: 'ci_target_missed',
      message: `the CI target of ${result.sampling.target_ci_percent}% was not reached (stopped by ${result.sampling.stopped_by.replace('_', ' ')}): raise --max-iterations or the time budget`,
    });
  }
  return out;
}
