import { snapshotEnvironment } from '@kaizen-bench/monitor';
import { calibrateTimerCostNs, elapsedNs, now } from './_timer';
import { RESULT_SCHEMA_VERSION } from './constants';
import { resolveRunOptions, validateSuiteDefinition } from './options';
import { executeBenchmark } from './run-benchmark';
import { countInstructions, resolveInstructionsOptions } from './instructions/count-instructions';
import type { BenchmarkResult, RunOptions, SuiteDefinition, SuiteResult } from './types';

/**
 * Runs every benchmark of a suite in order and returns the suite's result. A benchmark that throws, times
 * out or lacks a prerequisite is recorded as `failed` / `skipped` and the suite goes on. When
 * `options.signal` aborts, the benchmark in progress is stopped (its teardown still runs) and left out, as
 * are the ones not started; finished results are kept, `config.aborted` is true and `config.complete` false.
 * After each finished benchmark but the last, `options.onPartialResult` gets the results so far.
 * With `options.instructions`, the benchmarks that ran `ok` are then counted under callgrind in child
 * processes (after one more `onPartialResult` with the wall-clock results) and gain an `instructions` block.
 * Throws {@link HarnessError} only for bad options or a bad suite definition (before anything runs).
 */
export async function runSuite(suite: SuiteDefinition, options: RunOptions = {}): Promise<SuiteResult> {
  validateSuiteDefinition(suite);
  const run = resolveRunOptions(options);
  // Checked before anything runs: valgrind present, options sane.
  const instructions = options.instructions
    ? await resolveInstructionsOptions(options.instructions)
    : undefined;
  const stats = run.resolvedStats;
  const startedAt = new Date();
  const t0 = now();
  const environment = await snapshotEnvironment();
  // Once per run: the clock's own cost, recorded in every result's `timing`.
  const timerCostNs = calibrateTimerCostNs();
  const { reporter, signal } = run;

  const results: BenchmarkResult[] = [];
  let aborted = false;
  const snapshot = (complete: boolean): SuiteResult => ({
    schema_version: RESULT_SCHEMA_VERSION,
    suite_id: suite.id,
    suite_name: suite.name,
    timestamp: startedAt.toISOString(),
    total_duration_seconds: elapsedNs(t0, now()) / 1e9,
    environment,
    config: {
      seed: run.seed,
      profile: run.profile,
      iterations_override: run.iterations,
      warmup_override: run.warmup,
      stats: {
        outliers: stats.outliers,
        ci: stats.ci,
        percentile: stats.percentile,
        confidence: stats.confidence,
      },
      monitor: run.monitor,
      monitor_interval_ms: run.monitorIntervalMs,
      target_ci_percent: run.targetCiPercent,
      aborted,
      complete,
    },
    metadata: { ...suite.metadata },
    benchmark_results: [...results],
  });

  reporter?.onSuiteStart?.({ suite, benchmarkCount: suite.benchmarks.length });
  for (const [index, benchmark] of suite.benchmarks.entries()) {
    if (signal?.aborted) {
      aborted = true;
      break;
    }
    reporter?.onBenchmarkStart?.({ suite, benchmark, index });
    const result = await executeBenchmark(benchmark, run, timerCostNs);
    // Stopped by the abort: not a finished benchmark, so not a result (one that finished first is kept).
    if (signal?.aborted && result.status === 'failed' && result.reason === 'aborted') {
      aborted = true;
      break;
    }
    results.push(result);
    reporter?.onBenchmarkEnd?.({ suite, result });
    if (signal?.aborted) {
      aborted = true;
      break;
    }
    if (index < suite.benchmarks.length - 1) await options.onPartialResult?.(snapshot(false));
  }

  if (instructions && !aborted && results.some((r) => r.status === 'ok')) {
    // The wall-clock results go to disk first: instruction counting takes minutes.
    await options.onPartialResult?.(snapshot(false));
    const counted = await countInstructions(
      suite,
      suite.benchmarks.filter((b) => results.some((r) => r.id === b.id && r.status === 'ok')),
      run,
      instructions,
    );
    if (signal?.aborted) aborted = true;
    for (const [index, r] of results.entries()) {
      const block = counted.get(r.id);
      if (r.status === 'ok' && block) results[index] = { ...r, instructions: block };
    }
  }

  const result = snapshot(!aborted);
  reporter?.onSuiteEnd?.({ result });
  return result;
}
