import type { EnvironmentSnapshot, ResourceReport } from '@kaizen-bench/monitor';
import type { Rng, StatsOptions } from '@kaizen-bench/stats';

type MaybePromise<T> = T | Promise<T>;

/** p50 thresholds in milliseconds (DESIGN §8): below `excellentMs` is excellent, below `targetMs` good. */
export interface Target {
  excellentMs: number;
  targetMs: number;
}

export type Rating = 'excellent' | 'good' | 'needs_work' | 'unrated';

/** What a benchmark's hooks and its timed function receive. */
export interface BenchmarkContext {
  /** The run's seed (default 42). */
  readonly seed: number;
  /** A PRNG seeded from the run's seed and the benchmark id: the same run settings give the same workload. */
  readonly rng: Rng;
  /**
   * Aborted when the run is cancelled or a step (iteration, hook) overruns the benchmark's time budget.
   * Still aborted in `teardown` after either: clean up without it.
   */
  readonly signal: AbortSignal;
  /** 'warmup' or 'measure' while iterating; 'setup' / 'teardown' in those hooks. */
  readonly phase: 'setup' | 'warmup' | 'measure' | 'teardown';
  /** Index of the current iteration within its phase (0-based). */
  readonly iteration: number;
  /** Benchmark-specific facts (payload bytes, compression ratio, engine, ...): copied into the result's metadata. */
  readonly metadata: Record<string, unknown>;
  /**
   * Replace the harness's own timing of the current iteration with a span the benchmark measured itself,
   * e.g. a child process's import+construct time. Milliseconds, finite, >= 0.
   */
  reportDurationMs(ms: number): void;
  /** Mark the result `unrated` (target does not apply here), with the reason recorded in the result. */
  markUnrated(reason: string): void;
}

export interface BenchmarkDefinition {
  /** Stable identifier, snake_case, unique within its suite (e.g. `checkpoint_save`). */
  id: string;
  /** Display name (e.g. `Checkpoint Save`). */
  name: string;
  /** One sentence: exactly what the timed span covers. Goes into the result. */
  description: string;
  target?: Target;
  /** Measured iterations. @default 50 */
  iterations?: number;
  /** Warmup iterations, run and discarded. @default 5 */
  warmup?: number;
  /**
   * Wall-clock budget for warmup + measured iterations, ms: checked between iterations, the run stops early
   * when it is spent and keeps the samples measured so far (at least one). Also the time-out of any single
   * step (one iteration, requires, setup, teardown): a step still pending after this long fails the benchmark.
   * @default 60000
   */
  timeBudgetMs?: number;
  /**
   * Let the harness time a fast, synchronous, hook-free `fn` in batches (k calls per sample) when one call is
   * too short to time alone. Set `false` when calling `fn` several times back to back is not allowed.
   * @default true
   */
  allowBatching?: boolean;
  /**
   * Checked before setup. Return `true` when the benchmark can run, or a reason string to skip it
   * (e.g. "Ollama not reachable at http://127.0.0.1:11434: start it with `ollama serve`").
   */
  requires?: (ctx: BenchmarkContext) => MaybePromise<true | string>;
  /** Once, before warmup, untimed. */
  setup?: (ctx: BenchmarkContext) => MaybePromise<void>;
  /** Before each iteration, untimed. */
  beforeEach?: (ctx: BenchmarkContext) => MaybePromise<void>;
  /** The timed operation. Awaited when it returns a promise. */
  fn: (ctx: BenchmarkContext) => unknown;
  /** After each iteration, untimed. */
  afterEach?: (ctx: BenchmarkContext) => MaybePromise<void>;
  /** Once, after the last iteration (also after a failure), untimed. */
  teardown?: (ctx: BenchmarkContext) => MaybePromise<void>;
  /**
   * The physical or raw-library floor of the same work (e.g. the same bytes written raw with fsync), timed in
   * the same run, interleaved sample by sample with `fn` so that drift on a shared machine hits both alike.
   * The result then carries `baseline` statistics and the `overhead` over it.
   */
  baseline?: BaselineDefinition;
  /**
   * The work is meant to wait on I/O (disk, network, a child process) rather than compute: a CPU peak above
   * 95% of a core is then reported as a diagnostic.
   * @default false
   */
  ioBound?: boolean;
  /**
   * What the benchmark's cost mostly is, for `--measure instructions`: `cpu` (computing) or `waiting` (fsync,
   * network, child processes). A `waiting` benchmark's instruction count is only its CPU part, and its
   * `instructions` result says so.
   * @default 'waiting' when `ioBound` is true, else 'cpu'
   */
  costKind?: 'cpu' | 'waiting';
}

/**
 * A benchmark's floor. Same warmup, iteration count and timing-mode rules as the benchmark; its `setup` runs
 * after the benchmark's `setup` and its `teardown` before the benchmark's `teardown`, so it can reuse what
 * the benchmark prepared. `ctx.reportDurationMs` works as in `fn`.
 */
export interface BaselineDefinition {
  /** Display name, e.g. `raw write + fsync`. */
  name: string;
  /** One sentence: exactly what the floor's timed span covers. */
  description: string;
  /** The timed floor operation. Awaited when it returns a promise. */
  fn: (ctx: BenchmarkContext) => unknown;
  /** Once, after the benchmark's setup, untimed. */
  setup?: (ctx: BenchmarkContext) => MaybePromise<void>;
  /** Once, before the benchmark's teardown (also after a failure), untimed. */
  teardown?: (ctx: BenchmarkContext) => MaybePromise<void>;
  /** As for the benchmark. @default true */
  allowBatching?: boolean;
}

export interface SuiteDefinition {
  /** Result id and file stem, e.g. `suite6_checkpoints`. */
  id: string;
  /** Display name, e.g. `Checkpoints`. */
  name: string;
  benchmarks: BenchmarkDefinition[];
  /** Suite-level facts written to the result's metadata (subject, sizes, ...). */
  metadata?: Record<string, unknown>;
}

export type RunProfile = 'default' | 'quick';

export interface RunOptions {
  /** @default 42 */
  seed?: number;
  /** Overrides every benchmark's measured iterations. */
  iterations?: number;
  /** Overrides every benchmark's warmup iterations. */
  warmup?: number;
  /** `quick`: a smoke profile (at most 10 measured, 1 warmup) unless iterations/warmup are given. @default 'default' */
  profile?: RunProfile;
  /** Statistics options passed to `summarize`; the defaults are the seed's method. */
  stats?: StatsOptions;
  /** Sample CPU/memory/threads during measured iterations. @default true */
  monitor?: boolean;
  /** Monitor sampling interval, ms. @default 50 */
  monitorIntervalMs?: number;
  /**
   * Time-to-confidence: after warmup, keep sampling until the benchmark's CI half-width (the CI the result
   * reports) is within this percent of its mean, or `maxIterations`, or the time budget, is reached. A
   * baseline is sampled alongside, as often. Unset: the fixed iteration counts (the seed's method).
   */
  targetCiPercent?: number;
  /** With `targetCiPercent`: the most samples taken. @default 5 x the benchmark's iterations (at least 100) */
  maxIterations?: number;
  /** Stops the run between iterations; finished benchmarks are kept, the one in progress is left out. */
  signal?: AbortSignal;
  reporter?: Reporter;
  /**
   * Awaited after each finished benchmark with the suite's results so far (`config.complete: false`), e.g. to
   * write them, so that a kill loses at most the benchmark in progress. An error it throws ends the run.
   */
  onPartialResult?: (partial: SuiteResult) => void | Promise<void>;
  /**
   * Also count the instructions each benchmark executes, under valgrind's callgrind in child processes, after
   * the wall-clock run (see {@link InstructionsOptions}). The result's wall-clock fields stay as they are; each
   * `ok` benchmark gains an `instructions` block.
   */
  instructions?: InstructionsOptions;
}

/**
 * Where a child process finds a suite again: a module and one of its exports. The export is a suite, or a
 * function (sync or async) returning one, called with `argument`.
 */
export interface SuiteSource {
  /** Absolute path, `file:` URL, or a package specifier resolvable from the current directory. */
  module: string;
  /** @default 'default' */
  export?: string;
  /** Passed to the export when it is a function; must survive JSON (it crosses a process boundary). */
  argument?: unknown;
}

/** Options of instruction counting (`RunOptions.instructions`). */
export interface InstructionsOptions {
  /** How the child processes re-create the suite given to `runSuite` (it must have the same id). */
  source: SuiteSource;
  /** Child processes per benchmark, each a fresh process; their spread is reported. @default 3 */
  repetitions?: number;
  /**
   * Measured calls of `fn` per repetition (after the benchmark's warmup, hooks excluded from the count).
   * @default the smaller of 10 and the benchmark's iterations
   */
  iterations?: number;
  /** Child processes run at once (counts do not depend on load). @default min(2, available cores) */
  concurrency?: number;
  /** The valgrind executable. @default 'valgrind' (on PATH) */
  valgrind?: string;
  /**
   * Past the first measured call, a repetition starts no new one once its measured calls took this long (wall time
   * under valgrind), ms: an LLM call takes seconds there, and counts are exact. @default 10000
   */
  budgetMs?: number;
  /** One child process may take this long before it is killed and the benchmark's count fails, ms. @default 1800000 */
  timeoutMs?: number;
  /** Called when a child process ends: for progress lines. */
  onProgress?: (event: InstructionsProgressEvent) => void;
  /**
   * What the counts of this suite leave out, when the caller arranged it (e.g. an LLM served by another
   * process): added to each count's `note`.
   */
  note?: string;
}

/** One child process of instruction counting has ended. */
export interface InstructionsProgressEvent {
  suiteId: string;
  benchmarkId: string;
  /** 1-based, of `repetitions`. */
  repetition: number;
  repetitions: number;
  /** Its instructions per iteration, or why it failed / was skipped. */
  outcome:
    | { status: 'ok'; instructionsPerIteration: number }
    | { status: 'failed' | 'skipped'; reason: string };
  durationMs: number;
}

/** Progress events, so a CLI can draw progress. Every handler is optional. */
export interface Reporter {
  onSuiteStart?(event: { suite: SuiteDefinition; benchmarkCount: number }): void;
  onBenchmarkStart?(event: { suite: SuiteDefinition; benchmark: BenchmarkDefinition; index: number }): void;
  onIteration?(event: {
    benchmark: BenchmarkDefinition;
    phase: 'warmup' | 'measure';
    done: number;
    total: number;
    elapsedMs: number;
  }): void;
  onBenchmarkEnd?(event: { suite: SuiteDefinition; result: BenchmarkResult }): void;
  onSuiteEnd?(event: { result: SuiteResult }): void;
}

// ---- Results: seed-compatible field names (DESIGN §7), snake_case on purpose. ----

export interface LatencyStats {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  count: number;
}

export interface TimingInfo {
  clock: 'process.hrtime.bigint';
  /** `batched`: each sample is the mean of `batch_size` back-to-back calls. */
  mode: 'per_call' | 'batched' | 'self_reported';
  batch_size: number;
  /** Measured cost of one clock read pair, ns. */
  timer_cost_ns: number;
}

/** How many samples were taken and what stopped sampling. */
export interface SamplingInfo {
  /** `fixed`: a set number of iterations; `target_ci`: until the CI was tight enough (time-to-confidence). */
  mode: 'fixed' | 'target_ci';
  /**
   * `iterations`: the fixed count was reached; `ci`: the CI target was met; `max_iterations`: the CI target
   * was not met within the maximum; `budget`: the time budget ran out first.
   */
  stopped_by: 'iterations' | 'ci' | 'max_iterations' | 'budget';
  /** The CI target, percent of the mean; null in `fixed` mode. */
  target_ci_percent: number | null;
  /** Samples asked for (`fixed`) or the most allowed (`target_ci`). */
  max_iterations: number;
}

/** The floor's statistics, measured interleaved with the benchmark. */
export interface BaselineResult {
  name: string;
  description: string;
  iterations: number;
  latency_ms: LatencyStats;
  confidence_interval: { lower: number; upper: number; confidence: number };
  outliers_removed: number;
  timing: TimingInfo;
  samples_ms: number[];
}

/** What the benchmark costs over its floor. */
export interface OverheadResult {
  /** Benchmark p50 / floor p50: `2.5` reads "2.5x the floor". */
  ratio_p50: number;
  /** Benchmark p50 - floor p50, ms. */
  diff_p50_ms: number;
  /** Seeded percentile-bootstrap CI of median(benchmark) - median(floor) over the raw samples, ms. */
  diff_ci: { lower: number; upper: number; confidence: number };
}

/** One piece of advice on reading a result (the seed's "interpreting results" rules, computed). */
export interface Diagnostic {
  code: DiagnosticCode;
  /** What was seen and what to do about it, one line. */
  message: string;
}

export type DiagnosticCode =
  | 'high_variability'
  | 'many_outliers'
  | 'machine_loaded'
  | 'cpu_saturated'
  | 'high_memory'
  | 'far_above_floor'
  | 'ci_target_missed';

interface BenchmarkResultBase {
  id: string;
  name: string;
  description: string;
  timestamp: string;
  duration_seconds: number;
  metadata: Record<string, unknown>;
  target: Target | null;
}

export interface OkBenchmarkResult extends BenchmarkResultBase {
  status: 'ok';
  iterations: number;
  warmup_iterations: number;
  latency_ms: LatencyStats;
  throughput_ops_per_sec: number;
  resources: ResourceReport | null;
  confidence_interval: { lower: number; upper: number; confidence: number };
  outliers_removed: number;
  rating: Rating;
  /** Why the rating is `unrated`, when it is. */
  rating_reason?: string;
  timing: TimingInfo;
  /** Raw measured samples (ms), before outlier removal: what `compare` tests on. */
  samples_ms: number[];
  /** Absent in files of schema version 1. */
  sampling?: SamplingInfo;
  /** The floor measured beside the benchmark, when it declares one. */
  baseline?: BaselineResult;
  /** The benchmark over its floor, when it declares one. */
  overhead?: OverheadResult;
  /** Advice on reading this result; empty when nothing stands out. Absent in files of schema version 1. */
  diagnostics?: Diagnostic[];
  /**
   * One entry per repetition (a run in a fresh process) in a file merged by `mergeRepetitions`; the fields
   * above are then computed over the samples of all of them. Absent for a single run.
   */
  repetitions?: RepetitionResult[];
  /** Coefficient of variation (sample stddev / mean) of the repetition p50s; present with >= 2 repetitions. */
  run_to_run_cv?: number;
  /**
   * How contended the machine was while the benchmark was measured (Linux PSI); absent where not available.
   * In a merged file: the highest of each share over the repetitions.
   */
  machine_pressure?: MachinePressure;
  /** Instruction counts under callgrind (`RunOptions.instructions`); absent for a wall-clock-only run. */
  instructions?: InstructionsResult;
}

/** How an instruction count was taken: the tools, their versions and flags. */
export interface InstructionsTooling {
  /** e.g. `3.19.0`. */
  valgrind_version: string;
  /** e.g. `v20.20.2`. */
  node_version: string;
  valgrind_flags: string[];
  node_flags: string[];
}

/**
 * A benchmark's instruction count: each repetition is a fresh process under callgrind that runs setup, the
 * warmup, an empty phase and `iterations` calls of `fn`; instructions between phase markers are counted, the
 * empty phase (the markers' own cost) is subtracted, hooks are left out.
 */
export type InstructionsResult =
  | (InstructionsTooling & {
      status: 'ok';
      /** Mean over the repetitions of their instructions per call of `fn`. */
      instructions_per_iteration: number;
      /** Instructions per iteration of each repetition, in run order. */
      repetitions: number[];
      /** (max - min) / mean of `repetitions`, a fraction: 3e-7 reads "equal to 3 parts in 10 million". */
      spread: number;
      /** Calls of `fn` each repetition is averaged over: the first ones, as many as all repetitions made. */
      iterations: number;
      warmup_iterations: number;
      /**
       * Per repetition, each measured call's count in order (a slow benchmark stops after its time budget, so
       * lengths may differ): `compare` averages two runs over the calls both made.
       */
      iteration_counts?: number[][];
      /** `waiting`: mostly fsync, network or child processes; the count is the CPU part only. */
      cost_kind: 'cpu' | 'waiting';
      /** What the count covers, when that needs saying (the `waiting` case, `InstructionsOptions.note`). */
      note?: string;
      /** Wall time of all repetitions together (child processes, summed), seconds. */
      duration_seconds: number;
    })
  | (InstructionsTooling & {
      status: 'failed' | 'skipped';
      /** What went wrong (or what is missing) and what to do. */
      reason: string;
    });

/**
 * Shares (0-1) of the measured span's wall time in which tasks stalled, machine-wide, read from Linux
 * pressure stall information (/proc/pressure). `compare` uses `cpu_some` to tell a busy machine from a
 * slower build when the two runs did not overlap in time.
 */
export interface MachinePressure {
  /** Some runnable task (of any process, this one included) waited for a CPU. */
  cpu_some: number;
  /** Some task waited for I/O (this process's own fsyncs included). */
  io_some: number;
  /** Every non-idle task waited for I/O at once. */
  io_full: number;
}

/** One repetition of a benchmark in a merged result: what its own run reported. */
export interface RepetitionResult {
  /** p50, ms, after outlier removal. */
  p50: number;
  /** Mean, ms, after outlier removal. */
  mean: number;
  /** Measured samples taken. */
  iterations: number;
  /** Raw measured samples, ms. */
  samples_ms: number[];
  /** When this repetition's benchmark started. */
  timestamp: string;
  /** The floor's p50 in this repetition, ms, when the benchmark declares a floor. */
  floor_p50?: number;
  /** How contended the machine was during this repetition, where it could be read. */
  machine_pressure?: MachinePressure;
}

export interface SkippedBenchmarkResult extends BenchmarkResultBase {
  status: 'skipped';
  reason: string;
}

export interface FailedBenchmarkResult extends BenchmarkResultBase {
  status: 'failed';
  reason: string;
}

export type BenchmarkResult = OkBenchmarkResult | SkippedBenchmarkResult | FailedBenchmarkResult;

export interface SuiteResult {
  /** 2 is written; files of version 1 (no sampling, baseline, overhead, diagnostics) are still read. */
  schema_version: 1 | 2;
  suite_id: string;
  suite_name: string;
  timestamp: string;
  total_duration_seconds: number;
  environment: EnvironmentSnapshot;
  config: {
    seed: number;
    profile: RunProfile;
    iterations_override: number | null;
    warmup_override: number | null;
    stats: Required<Pick<StatsOptions, 'outliers' | 'ci' | 'percentile' | 'confidence'>>;
    monitor: boolean;
    monitor_interval_ms: number;
    /** Time-to-confidence target, percent; null for fixed iteration counts. Absent in version 1 files. */
    target_ci_percent?: number | null;
    /** True when the run was cancelled before every benchmark finished. */
    aborted: boolean;
    /**
     * False in the snapshots written while the suite runs and after an abort: not every benchmark has a
     * result. Absent in files of schema version 1.
     */
    complete?: boolean;
    /** Repetitions (fresh processes) merged into this file by `mergeRepetitions`; absent for a single run. */
    repetitions?: number;
  };
  metadata: Record<string, unknown>;
  benchmark_results: BenchmarkResult[];
}
