import {
  DEFAULT_ITERATIONS,
  DEFAULT_MONITOR_INTERVAL_MS,
  DEFAULT_SEED,
  DEFAULT_TIME_BUDGET_MS,
  DEFAULT_WARMUP,
  MIN_TARGET_CI_ITERATIONS,
  QUICK_MAX_ITERATIONS,
  QUICK_MAX_WARMUP,
  TARGET_CI_MAX_FACTOR,
  TARGET_CI_MIN_MAX_ITERATIONS,
} from './constants';
import { type ResolvedStatsOptions, resolveStatsOptions } from '@kaizen-bench/stats';
import { HarnessError } from './errors';
import type { BenchmarkDefinition, RunOptions, RunProfile, SuiteDefinition } from './types';

/** {@link RunOptions} with every default applied. */
export interface ResolvedRunOptions {
  seed: number;
  iterations: number | null;
  warmup: number | null;
  profile: RunProfile;
  /** As given: passed to `summarize` (with the run's seed for a bootstrap CI unless it sets its own). */
  stats: NonNullable<RunOptions['stats']>;
  /** With defaults applied: recorded in the result's config. */
  resolvedStats: ResolvedStatsOptions;
  monitor: boolean;
  monitorIntervalMs: number;
  /** Time-to-confidence target, percent; null for fixed iteration counts. */
  targetCiPercent: number | null;
  maxIterations: number | null;
  signal: AbortSignal | undefined;
  reporter: RunOptions['reporter'];
}

/** How many iterations one benchmark runs, and for how long at most. */
export interface BenchmarkPlan {
  /** The fixed count, or (time-to-confidence) the most samples taken. */
  iterations: number;
  warmup: number;
  timeBudgetMs: number;
  /** Set for time-to-confidence: stop once the CI is this tight, not before `minIterations`. */
  targetCi: { percent: number; minIterations: number } | null;
}

const ID_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

function isInt(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

function optionError(message: string): HarnessError {
  return new HarnessError('HARNESS_INVALID_OPTIONS', message);
}

/** Validates run options and applies defaults. Throws {@link HarnessError} naming the bad option and the fix. */
export function resolveRunOptions(options: RunOptions = {}): ResolvedRunOptions {
  if (options === null || typeof options !== 'object') {
    throw optionError(`run options must be an object, got ${String(options)}: pass e.g. { seed: 42 }`);
  }
  const { seed = DEFAULT_SEED, iterations, warmup, profile = 'default' } = options;
  if (!isInt(seed, 0) || seed > 0xffffffff) {
    throw optionError(
      `seed must be an integer from 0 to 4294967295, got ${String(seed)}: pass e.g. { seed: 42 }`,
    );
  }
  if (iterations !== undefined && !isInt(iterations, 1)) {
    throw optionError(
      `iterations must be an integer >= 1, got ${String(iterations)}: pass e.g. { iterations: 50 }`,
    );
  }
  if (warmup !== undefined && !isInt(warmup, 0)) {
    throw optionError(`warmup must be an integer >= 0, got ${String(warmup)}: pass e.g. { warmup: 5 }`);
  }
  if (profile !== 'default' && profile !== 'quick') {
    throw optionError(`profile must be 'default' or 'quick', got ${JSON.stringify(profile)}`);
  }
  const monitorIntervalMs = options.monitorIntervalMs ?? DEFAULT_MONITOR_INTERVAL_MS;
  if (
    typeof monitorIntervalMs !== 'number' ||
    !Number.isFinite(monitorIntervalMs) ||
    monitorIntervalMs < 10
  ) {
    throw optionError(
      `monitorIntervalMs must be a number >= 10, got ${String(monitorIntervalMs)}: pass e.g. { monitorIntervalMs: 50 }`,
    );
  }
  const { targetCiPercent, maxIterations } = options;
  if (
    targetCiPercent !== undefined &&
    (typeof targetCiPercent !== 'number' ||
      !Number.isFinite(targetCiPercent) ||
      targetCiPercent <= 0 ||
      targetCiPercent >= 100)
  ) {
    throw optionError(
      `targetCiPercent must be a number of percent between 0 and 100, got ${String(targetCiPercent)}: pass e.g. { targetCiPercent: 2 }`,
    );
  }
  if (maxIterations !== undefined && !isInt(maxIterations, 1)) {
    throw optionError(
      `maxIterations must be an integer >= 1, got ${String(maxIterations)}: pass e.g. { maxIterations: 500 }`,
    );
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw optionError('signal must be an AbortSignal: pass `new AbortController().signal`');
  }
  const stats = { seed, ...options.stats };
  let resolvedStats: ResolvedStatsOptions;
  try {
    resolvedStats = resolveStatsOptions(stats);
  } catch (error) {
    throw optionError(`stats: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    seed,
    iterations: iterations ?? null,
    warmup: warmup ?? null,
    profile,
    stats,
    resolvedStats,
    monitor: options.monitor ?? true,
    monitorIntervalMs,
    targetCiPercent: targetCiPercent ?? null,
    maxIterations: maxIterations ?? null,
    signal: options.signal,
    reporter: options.reporter,
  };
}

/**
 * Iterations, warmup and budget of one benchmark: run override > benchmark setting (capped by `quick`) >
 * default. With a CI target, the iterations are a maximum: `maxIterations`, else 5x the planned count (>= 100).
 */
export function planBenchmark(def: BenchmarkDefinition, run: ResolvedRunOptions): BenchmarkPlan {
  const quick = run.profile === 'quick';
  const ownIterations = def.iterations ?? DEFAULT_ITERATIONS;
  const ownWarmup = def.warmup ?? DEFAULT_WARMUP;
  const iterations =
    run.iterations ?? (quick ? Math.min(ownIterations, QUICK_MAX_ITERATIONS) : ownIterations);
  const warmup = run.warmup ?? (quick ? Math.min(ownWarmup, QUICK_MAX_WARMUP) : ownWarmup);
  const timeBudgetMs = def.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  if (run.targetCiPercent === null) return { iterations, warmup, timeBudgetMs, targetCi: null };
  const max = run.maxIterations ?? Math.max(iterations * TARGET_CI_MAX_FACTOR, TARGET_CI_MIN_MAX_ITERATIONS);
  return {
    iterations: max,
    warmup,
    timeBudgetMs,
    targetCi: { percent: run.targetCiPercent, minIterations: Math.min(MIN_TARGET_CI_ITERATIONS, max) },
  };
}

function benchmarkError(id: unknown, message: string): HarnessError {
  const label = typeof id === 'string' && id !== '' ? `benchmark '${id}'` : 'benchmark';
  return new HarnessError('HARNESS_INVALID_BENCHMARK', `${label}: ${message}`);
}

/** Checks one benchmark definition; throws {@link HarnessError} with the fix. */
export function validateBenchmarkDefinition(def: BenchmarkDefinition): void {
  if (def === null || typeof def !== 'object') {
    throw benchmarkError(
      undefined,
      'definition must be an object: use defineBenchmark({ id, name, description, fn })',
    );
  }
  const { id } = def;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw benchmarkError(id, `id must be snake_case (e.g. 'checkpoint_save'), got ${JSON.stringify(id)}`);
  }
  if (typeof def.name !== 'string' || def.name.trim() === '') {
    throw benchmarkError(id, 'name must be a non-empty string (e.g. "Checkpoint Save")');
  }
  if (typeof def.description !== 'string' || def.description.trim() === '') {
    throw benchmarkError(
      id,
      'description must be a non-empty sentence saying exactly what the timed span covers',
    );
  }
  if (typeof def.fn !== 'function') throw benchmarkError(id, 'fn must be a function (the timed operation)');
  for (const hook of ['requires', 'setup', 'beforeEach', 'afterEach', 'teardown'] as const) {
    if (def[hook] !== undefined && typeof def[hook] !== 'function') {
      throw benchmarkError(id, `${hook} must be a function when given`);
    }
  }
  if (def.baseline !== undefined) validateBaseline(id, def.baseline);
  if (def.iterations !== undefined && !isInt(def.iterations, 1)) {
    throw benchmarkError(id, `iterations must be an integer >= 1, got ${String(def.iterations)}`);
  }
  if (def.warmup !== undefined && !isInt(def.warmup, 0)) {
    throw benchmarkError(id, `warmup must be an integer >= 0, got ${String(def.warmup)}`);
  }
  if (
    def.timeBudgetMs !== undefined &&
    (typeof def.timeBudgetMs !== 'number' || !Number.isFinite(def.timeBudgetMs) || def.timeBudgetMs <= 0)
  ) {
    throw benchmarkError(id, `timeBudgetMs must be a number > 0 (ms), got ${String(def.timeBudgetMs)}`);
  }
  if (def.target !== undefined) {
    const { excellentMs, targetMs } = def.target ?? {};
    const ok =
      typeof excellentMs === 'number' &&
      typeof targetMs === 'number' &&
      Number.isFinite(excellentMs) &&
      Number.isFinite(targetMs) &&
      excellentMs > 0 &&
      excellentMs <= targetMs;
    if (!ok) {
      throw benchmarkError(
        id,
        `target must be { excellentMs, targetMs } with 0 < excellentMs <= targetMs, got ${JSON.stringify(def.target)}`,
      );
    }
  }
}

function validateBaseline(id: string, baseline: NonNullable<BenchmarkDefinition['baseline']>): void {
  if (baseline === null || typeof baseline !== 'object') {
    throw benchmarkError(id, 'baseline must be an object: { name, description, fn }');
  }
  if (typeof baseline.name !== 'string' || baseline.name.trim() === '') {
    throw benchmarkError(id, 'baseline.name must be a non-empty string (e.g. "raw write + fsync")');
  }
  if (typeof baseline.description !== 'string' || baseline.description.trim() === '') {
    throw benchmarkError(id, "baseline.description must say exactly what the floor's timed span covers");
  }
  if (typeof baseline.fn !== 'function') throw benchmarkError(id, 'baseline.fn must be a function');
  for (const hook of ['setup', 'teardown'] as const) {
    if (baseline[hook] !== undefined && typeof baseline[hook] !== 'function') {
      throw benchmarkError(id, `baseline.${hook} must be a function when given`);
    }
  }
}

/** Checks a suite definition and each of its benchmarks (ids unique); throws {@link HarnessError} with the fix. */
export function validateSuiteDefinition(suite: SuiteDefinition): void {
  if (suite === null || typeof suite !== 'object') {
    throw new HarnessError(
      'HARNESS_INVALID_SUITE',
      'suite must be an object: use defineSuite({ id, name, benchmarks })',
    );
  }
  if (typeof suite.id !== 'string' || !ID_PATTERN.test(suite.id)) {
    throw new HarnessError(
      'HARNESS_INVALID_SUITE',
      `suite id must be snake_case (it names the results file, e.g. 'suite6_checkpoints'), got ${JSON.stringify(suite.id)}`,
    );
  }
  if (typeof suite.name !== 'string' || suite.name.trim() === '') {
    throw new HarnessError('HARNESS_INVALID_SUITE', `suite '${suite.id}': name must be a non-empty string`);
  }
  if (!Array.isArray(suite.benchmarks)) {
    throw new HarnessError('HARNESS_INVALID_SUITE', `suite '${suite.id}': benchmarks must be an array`);
  }
  const seen = new Set<string>();
  const names = new Set<string>();
  for (const def of suite.benchmarks) {
    validateBenchmarkDefinition(def);
    if (seen.has(def.id)) {
      throw new HarnessError(
        'HARNESS_DUPLICATE_BENCHMARK_ID',
        `suite '${suite.id}': benchmark id '${def.id}' is used twice: give each benchmark its own id`,
      );
    }
    // Tables, exports and people tell benchmarks apart by name too.
    if (names.has(def.name)) {
      throw new HarnessError(
        'HARNESS_DUPLICATE_BENCHMARK_NAME',
        `suite '${suite.id}': benchmark name '${def.name}' is used twice: give each benchmark its own name`,
      );
    }
    seen.add(def.id);
    names.add(def.name);
  }
}
