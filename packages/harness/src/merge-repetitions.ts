import type { ResourceReport } from '@kaizen-bench/monitor';
import { mean, type StatsOptions, type Summary, sampleStddev, summarize } from '@kaizen-bench/stats';
import { ciOf, latencyOf, overheadOf } from './_result-fields';
import { RESULT_SCHEMA_VERSION } from './constants';
import { diagnoseResult } from './diagnostics';
import { HarnessError } from './errors';
import { rateLatency } from './rating';
import { NO_TARGET_REASON } from './run-benchmark';
import type {
  BaselineResult,
  BenchmarkResult,
  Diagnostic,
  MachinePressure,
  OkBenchmarkResult,
  RepetitionResult,
  SamplingInfo,
  SuiteResult,
} from './types';

/** Options of {@link mergeRepetitions}. */
export interface MergeRepetitionsOptions {
  /**
   * Statistics options for the merged summaries. @default the runs' own: `config.stats` and `config.seed`
   * of the first result (what the CLI ran with).
   */
  stats?: StatsOptions;
}

/** Diagnostics that depend on the machine or the benchmark's kind, not on the samples: carried over as seen. */
const CARRIED_DIAGNOSTICS = new Set<Diagnostic['code']>(['machine_loaded', 'cpu_saturated']);
/** Most severe first: what stopped sampling in the merged result is the worst any repetition saw. */
const STOP_SEVERITY: SamplingInfo['stopped_by'][] = ['budget', 'max_iterations', 'ci', 'iterations'];

/**
 * Merges the results of one suite run several times (repetitions, each in a fresh process, in run order)
 * into one result. Every seed field is computed as for a single run, over the samples of all repetitions
 * (concatenated `samples_ms`, summarized again); each `ok` benchmark adds `repetitions` (p50, mean,
 * iterations, samples and timestamp of each run) and, with 2 or more, `run_to_run_cv` (the coefficient of
 * variation of the repetition p50s). A floor's samples are merged the same way and the overhead recomputed.
 * A benchmark is `failed` (or `skipped`) when it failed (or was skipped) in any repetition, with the reason
 * naming the repetition; one missing from a repetition (stopped early) is merged over those that have it.
 * `config.aborted` / `config.complete` say whether any repetition was stopped; `config.repetitions` counts them.
 * @throws HarnessError `HARNESS_MERGE_MISMATCH` for no results, or results of different suites or settings.
 */
export function mergeRepetitions(
  results: readonly SuiteResult[],
  options: MergeRepetitionsOptions = {},
): SuiteResult {
  const [first] = results;
  if (!first) {
    throw new HarnessError(
      'HARNESS_MERGE_MISMATCH',
      'mergeRepetitions needs at least one suite result: pass the results of each repetition',
    );
  }
  for (const [index, other] of results.entries()) assertSameRun(first, other, index);
  const stats: StatsOptions = options.stats ?? { seed: first.config.seed, ...first.config.stats };

  const ids: string[] = [];
  for (const result of results) {
    for (const bench of result.benchmark_results) if (!ids.includes(bench.id)) ids.push(bench.id);
  }
  const benchmarks = ids.map((id) => {
    const entries = results.flatMap((result, index) => {
      const bench = result.benchmark_results.find((b) => b.id === id);
      return bench ? [{ repetition: index + 1, result: bench }] : [];
    });
    return mergeBenchmark(entries, results.length, stats, first.config.seed);
  });

  return {
    schema_version: RESULT_SCHEMA_VERSION,
    suite_id: first.suite_id,
    suite_name: first.suite_name,
    timestamp: first.timestamp,
    total_duration_seconds: results.reduce((sum, result) => sum + result.total_duration_seconds, 0),
    environment: first.environment,
    config: {
      ...first.config,
      aborted: results.some((result) => result.config.aborted),
      complete: results.every((result) => result.config.complete ?? !result.config.aborted),
      repetitions: results.length,
    },
    metadata: { ...first.metadata },
    benchmark_results: benchmarks,
  };
}

function assertSameRun(first: SuiteResult, other: SuiteResult, index: number): void {
  const mismatch = (what: string, a: unknown, b: unknown) =>
    new HarnessError(
      'HARNESS_MERGE_MISMATCH',
      `cannot merge repetition ${index + 1} into repetition 1: ${what} differs (${JSON.stringify(a)} vs ${JSON.stringify(b)}); merge only runs of one suite with the same settings`,
    );
  if (other.suite_id !== first.suite_id) throw mismatch('suite_id', first.suite_id, other.suite_id);
  const a = first.config;
  const b = other.config;
  for (const key of ['seed', 'profile', 'iterations_override', 'warmup_override'] as const) {
    if (a[key] !== b[key]) throw mismatch(`config.${key}`, a[key], b[key]);
  }
  if ((a.target_ci_percent ?? null) !== (b.target_ci_percent ?? null)) {
    throw mismatch('config.target_ci_percent', a.target_ci_percent, b.target_ci_percent);
  }
  if (JSON.stringify(a.stats) !== JSON.stringify(b.stats)) throw mismatch('config.stats', a.stats, b.stats);
}

type Entry = { repetition: number; result: BenchmarkResult };

function mergeBenchmark(entries: Entry[], total: number, stats: StatsOptions, seed: number): BenchmarkResult {
  const results = entries.map((entry) => entry.result);
  const head = results[0] as BenchmarkResult;
  const base = {
    id: head.id,
    name: head.name,
    description: head.description,
    timestamp: head.timestamp,
    duration_seconds: results.reduce((sum, result) => sum + result.duration_seconds, 0),
    // Later repetitions add their facts (a budget exhausted, a teardown error) to the first one's.
    metadata: Object.assign({}, ...results.map((result) => result.metadata)) as Record<string, unknown>,
    target: head.target,
  };
  // A benchmark that did not run in every repetition has no comparable merged numbers: say which one.
  for (const status of ['failed', 'skipped'] as const) {
    const found = entries.find((entry) => entry.result.status === status);
    if (found && found.result.status === status) {
      return {
        ...base,
        status,
        reason: `repetition ${found.repetition} of ${total}: ${found.result.reason}`,
      };
    }
  }
  const oks = results as OkBenchmarkResult[];
  const samples = oks.flatMap((result) => result.samples_ms);
  let summary: Summary;
  try {
    summary = summarize(samples, stats);
  } catch (error) {
    return { ...base, status: 'failed', reason: `statistics failed: ${(error as Error).message}` };
  }
  const first = oks[0] as OkBenchmarkResult;
  const unrated = oks.find((result) => result.rating === 'unrated');
  const rating = unrated ? 'unrated' : rateLatency(summary.p50, first.target ?? undefined);
  const timings = new Set(oks.map((result) => `${result.timing.mode} x${result.timing.batch_size}`));
  if (timings.size > 1)
    base.metadata['repetition_timing'] = oks.map((r) => `${r.timing.mode} x${r.timing.batch_size}`);

  const merged: OkBenchmarkResult = {
    ...base,
    status: 'ok',
    iterations: samples.length,
    warmup_iterations: oks.reduce((sum, result) => sum + result.warmup_iterations, 0),
    latency_ms: latencyOf(summary),
    throughput_ops_per_sec: summary.throughputOpsPerSec,
    resources: mergeResources(oks.map((result) => result.resources)),
    confidence_interval: ciOf(summary),
    outliers_removed: summary.outliersRemoved,
    rating,
    timing: first.timing,
    samples_ms: samples,
  };
  const sampling = mergeSampling(oks.map((result) => result.sampling));
  if (sampling) merged.sampling = sampling;
  if (rating === 'unrated') {
    const reason = unrated?.rating_reason ?? (first.target ? undefined : NO_TARGET_REASON);
    if (reason !== undefined) merged.rating_reason = reason;
  }
  const floors = oks.map((result) => result.baseline);
  if (floors.every((floor): floor is BaselineResult => floor !== undefined)) {
    const floorSamples = floors.flatMap((floor) => floor.samples_ms);
    try {
      const floorSummary = summarize(floorSamples, stats);
      const firstFloor = floors[0] as BaselineResult;
      merged.baseline = {
        name: firstFloor.name,
        description: firstFloor.description,
        iterations: floorSamples.length,
        latency_ms: latencyOf(floorSummary),
        confidence_interval: ciOf(floorSummary),
        outliers_removed: floorSummary.outliersRemoved,
        timing: firstFloor.timing,
        samples_ms: floorSamples,
      };
      const overhead = overheadOf(summary, floorSummary, samples, floorSamples, seed);
      if (overhead) merged.overhead = overhead;
    } catch (error) {
      merged.metadata = { ...merged.metadata, baseline_merge_error: (error as Error).message };
    }
  }
  merged.diagnostics = mergeDiagnostics(merged, oks);
  merged.repetitions = oks.map(
    (result): RepetitionResult => ({
      p50: result.latency_ms.p50,
      mean: result.latency_ms.mean,
      iterations: result.iterations,
      samples_ms: result.samples_ms,
      timestamp: result.timestamp,
      ...(result.baseline ? { floor_p50: result.baseline.latency_ms.p50 } : {}),
      ...(result.machine_pressure ? { machine_pressure: result.machine_pressure } : {}),
    }),
  );
  const pressure = highestPressure(oks);
  if (pressure) merged.machine_pressure = pressure;
  const cv = runToRunCv(merged.repetitions.map((repetition) => repetition.p50));
  if (cv !== undefined) merged.run_to_run_cv = cv;
  return merged;
}

/** Each pressure share's highest value over the repetitions that read one; undefined when none did. */
function highestPressure(oks: readonly OkBenchmarkResult[]): MachinePressure | undefined {
  const read = oks.flatMap((result) => (result.machine_pressure ? [result.machine_pressure] : []));
  if (read.length === 0) return undefined;
  return {
    cpu_some: Math.max(...read.map((p) => p.cpu_some)),
    io_some: Math.max(...read.map((p) => p.io_some)),
    io_full: Math.max(...read.map((p) => p.io_full)),
  };
}

/** Sample stddev / mean of the repetition p50s; undefined for fewer than 2 (no spread to measure). */
function runToRunCv(p50s: number[]): number | undefined {
  if (p50s.length < 2) return undefined;
  const m = mean(p50s);
  return m > 0 ? sampleStddev(p50s) / m : 0;
}

/** Diagnostics of the merged samples, plus those about the machine or the benchmark's kind from any repetition. */
function mergeDiagnostics(merged: OkBenchmarkResult, oks: OkBenchmarkResult[]): Diagnostic[] {
  // No machine facts and ioBound false: the rules that need them are carried over below instead.
  const out = diagnoseResult(merged, { loadAverage1m: 0, cores: 0 }, false);
  for (const result of oks) {
    for (const diagnostic of result.diagnostics ?? []) {
      if (CARRIED_DIAGNOSTICS.has(diagnostic.code) && !out.some((d) => d.code === diagnostic.code))
        out.push(diagnostic);
    }
  }
  return out;
}

/** Means (and the event-loop p50) averaged, peaks (and p99) the highest, interval counts added; null when any repetition was not monitored. */
function mergeResources(reports: (ResourceReport | null)[]): ResourceReport | null {
  if (reports.length === 0 || reports.some((report) => report === null)) return null;
  const all = reports as ResourceReport[];
  const first = all[0] as ResourceReport;
  const avg = (pick: (r: ResourceReport) => number) => mean(all.map(pick));
  const peak = (pick: (r: ResourceReport) => number) => Math.max(...all.map(pick));
  const merged: ResourceReport = {
    cpu_mean: avg((r) => r.cpu_mean),
    cpu_peak: peak((r) => r.cpu_peak),
    memory_mean_mb: avg((r) => r.memory_mean_mb),
    memory_peak_mb: peak((r) => r.memory_peak_mb),
    threads_mean: avg((r) => r.threads_mean),
    threads_peak: peak((r) => r.threads_peak),
    samples: all.reduce((sum, r) => sum + r.samples, 0),
    interval_ms: first.interval_ms,
    method: first.method,
  };
  const optional = (
    key: 'heap_used_peak_mb' | 'event_loop_delay_p50_ms' | 'event_loop_delay_p99_ms',
    combine: (values: number[]) => number,
  ) => {
    const values = all.map((r) => r[key]).filter((v): v is number => v !== undefined);
    if (values.length > 0) merged[key] = combine(values);
  };
  optional('heap_used_peak_mb', (values) => Math.max(...values));
  optional('event_loop_delay_p50_ms', mean);
  optional('event_loop_delay_p99_ms', (values) => Math.max(...values));
  return merged;
}

/** Samples asked for added up; stopped by the most severe reason any repetition saw. */
function mergeSampling(infos: (SamplingInfo | undefined)[]): SamplingInfo | undefined {
  if (infos.some((info) => info === undefined)) return undefined;
  const all = infos as SamplingInfo[];
  const first = all[0] as SamplingInfo;
  const stoppedBy = STOP_SEVERITY.find((reason) => all.some((info) => info.stopped_by === reason));
  return {
    mode: first.mode,
    stopped_by: stoppedBy ?? first.stopped_by,
    target_ci_percent: first.target_ci_percent,
    max_iterations: all.reduce((sum, info) => sum + info.max_iterations, 0),
  };
}
