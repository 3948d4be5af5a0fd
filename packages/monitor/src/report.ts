import type { MainThreadReadings } from './_main-thread-probe';
import { BYTES_PER_MB } from './constants';

/** How the samples were read. */
export type SamplingMethod = 'procfs' | 'portable';

/**
 * Resource use over a monitored span. Field names follow the original suite's result format.
 * A sample is one interval: CPU averaged over that interval, memory and threads read at its end.
 * With `samples: 0` (the process exited before its first interval ended) every figure is 0.
 */
export interface ResourceReport {
  /** Mean CPU over the samples, % of one core (100 = one core busy; above 100 with several threads). */
  cpu_mean: number;
  /**
   * Highest single-interval CPU, % of one core. With `procfs` each interval is quantized by the 10 ms
   * kernel tick (±20 % at 50 ms), so the peak reads high; a value is capped at 100 x logical cores.
   */
  cpu_peak: number;
  /** Mean resident set size, MB (1 MB = 1024 * 1024 bytes). */
  memory_mean_mb: number;
  /** Highest resident set size seen at a sample, MB (1 MB = 1024 * 1024 bytes). */
  memory_peak_mb: number;
  /** Mean OS thread count. 0 with `method: 'portable'` (not measured there). */
  threads_mean: number;
  /** Highest OS thread count. 0 with `method: 'portable'` (not measured there). */
  threads_peak: number;
  /** Number of intervals sampled, the final partial interval at stop included. */
  samples: number;
  /** Requested time between samples, ms. */
  interval_ms: number;
  /** `procfs`: /proc/<pid>/stat and /proc/<pid>/status (Linux). `portable`: process.cpuUsage/memoryUsage or pidusage. */
  method: SamplingMethod;
  /** Peak V8 heap used by the main thread, MB. Own process only. */
  heap_used_peak_mb?: number;
  /** Median event-loop delay beyond the 20 ms probe period, ms. Own process only; absent for spans under 20 ms. */
  event_loop_delay_p50_ms?: number;
  /** 99th percentile event-loop delay beyond the 20 ms probe period, ms. Own process only. */
  event_loop_delay_p99_ms?: number;
}

/** Running sums the sampler worker keeps (bytes for memory). */
export interface SamplerTotals {
  samples: number;
  cpuSum: number;
  cpuPeak: number;
  memSum: number;
  memPeak: number;
  threadsSum: number;
  threadsPeak: number;
  exited: boolean;
}

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** Turns the worker's running sums (and the main thread's readings, if any) into a report. */
export function buildResourceReport(
  totals: SamplerTotals,
  intervalMs: number,
  method: SamplingMethod,
  mainThread: MainThreadReadings | null,
): ResourceReport {
  const n = totals.samples;
  const mean = (sum: number): number => (n === 0 ? 0 : sum / n);
  const report: ResourceReport = {
    cpu_mean: round(mean(totals.cpuSum), 2),
    cpu_peak: round(totals.cpuPeak, 2),
    memory_mean_mb: round(mean(totals.memSum) / BYTES_PER_MB, 3),
    memory_peak_mb: round(totals.memPeak / BYTES_PER_MB, 3),
    threads_mean: round(mean(totals.threadsSum), 2),
    threads_peak: totals.threadsPeak,
    samples: n,
    interval_ms: intervalMs,
    method,
  };
  if (mainThread !== null) {
    report.heap_used_peak_mb = round(mainThread.heap_used_peak_mb, 3);
    if (mainThread.event_loop_delay_p50_ms !== undefined) {
      report.event_loop_delay_p50_ms = round(mainThread.event_loop_delay_p50_ms, 3);
    }
    if (mainThread.event_loop_delay_p99_ms !== undefined) {
      report.event_loop_delay_p99_ms = round(mainThread.event_loop_delay_p99_ms, 3);
    }
  }
  return report;
}
