/** Measured iterations when neither the benchmark nor the run sets them (the seed's 50). */
export const DEFAULT_ITERATIONS = 50;
/** Warmup iterations when neither the benchmark nor the run sets them. */
export const DEFAULT_WARMUP = 5;
/** Per-benchmark wall-clock budget, ms. */
export const DEFAULT_TIME_BUDGET_MS = 60_000;
/** The run's seed when none is given (the seed's). */
export const DEFAULT_SEED = 42;
/** Monitor sampling interval, ms. */
export const DEFAULT_MONITOR_INTERVAL_MS = 50;
/** The `quick` profile's caps. */
export const QUICK_MAX_ITERATIONS = 10;
export const QUICK_MAX_WARMUP = 1;

/** Operations faster than this many timer costs per call are timed in batches. */
export const BATCH_TIMER_COST_FACTOR = 100;
/** A batched sample spans at least this long, ns, whatever the timer cost. */
export const MIN_BATCH_SPAN_NS = 10_000;
/** Calls (warmup plus untimed probes) that decide between per-call and batched timing. */
export const MIN_PROBE_CALLS = 5;
/** No more probe calls once two calls each took this many batch thresholds: such an op is timed per call anyway. */
export const PROBE_STOP_FACTOR = 10;
/** Upper bound on calls per batched sample. */
export const MAX_BATCH_SIZE = 10_000_000;
/** Back-to-back clock read pairs used to calibrate the timer's cost. */
export const TIMER_CALIBRATION_PAIRS = 20_000;
/** Progress events (and a yield to the event loop) at most this often, ms. */
export const PROGRESS_INTERVAL_MS = 100;

/** Version of the result file format (`schema_version`). */
export const RESULT_SCHEMA_VERSION = 2;

/** Time-to-confidence never stops before this many samples (the outlier rule needs 10). */
export const MIN_TARGET_CI_ITERATIONS = 10;
/** Time-to-confidence's default maximum: this many times the benchmark's iterations ... */
export const TARGET_CI_MAX_FACTOR = 5;
/** ... and at least this many samples. */
export const TARGET_CI_MIN_MAX_ITERATIONS = 100;
/** Bootstrap resamples for the CI of the overhead over a baseline (seeded: the same data, the same CI). */
export const OVERHEAD_BOOTSTRAP_RESAMPLES = 2000;
/**
 * After an abort or time-out, how long the harness waits for the abandoned step (e.g. a setup still creating a
 * temp directory) to settle before teardown, ms: long enough for setups that make files, start servers or
 * load a small model; short enough that Ctrl-C still feels prompt.
 */
export const ABANDONED_STEP_WAIT_MS = 2_000;
