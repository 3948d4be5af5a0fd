import type { ContextState } from './_context';
import { type Guard, GuardInterrupt, isThenable } from './_guard';
import { elapsedNs, now } from './_timer';
import {
  BATCH_TIMER_COST_FACTOR,
  MAX_BATCH_SIZE,
  MIN_BATCH_SPAN_NS,
  MIN_PROBE_CALLS,
  PROBE_STOP_FACTOR,
  PROGRESS_INTERVAL_MS,
} from './constants';
import { HarnessError } from './errors';
import type { BenchmarkContext, BenchmarkDefinition, Reporter, SamplingInfo } from './types';

/** One timed function with its per-iteration hooks: the benchmark itself, or its baseline. */
export interface Arm {
  /** Names the arm in error messages: `fn` for the benchmark, `baseline fn` for its floor. */
  label: string;
  fn: (ctx: BenchmarkContext) => unknown;
  beforeEach?: ((ctx: BenchmarkContext) => unknown) | undefined;
  afterEach?: ((ctx: BenchmarkContext) => unknown) | undefined;
  allowBatching: boolean;
}

/** When to stop the measured iterations. */
export type SamplingPlan =
  | { mode: 'fixed'; iterations: number }
  | {
      mode: 'target_ci';
      targetCiPercent: number;
      minIterations: number;
      maxIterations: number;
      /** True when these samples' CI half-width is within the target (checked per arm). */
      converged: (samplesMs: readonly number[]) => boolean;
    };

/** Everything the iteration loops need about one benchmark run. */
export interface MeasureInput {
  def: BenchmarkDefinition;
  /** The benchmark first, then its baseline if it has one: samples are interleaved between them. */
  arms: Arm[];
  state: ContextState;
  guard: Guard;
  sampling: SamplingPlan;
  warmup: number;
  timeBudgetMs: number;
  timerCostNs: number;
  reporter: Reporter | undefined;
  /** Called (and awaited) right before the first measured iteration: starts the resource monitor. */
  beforeMeasure: () => Promise<void>;
}

/** One arm's measured samples and how they were timed. */
export interface ArmOutput {
  samplesMs: number[];
  mode: 'per_call' | 'batched' | 'self_reported';
  batchSize: number;
  /** Measured iterations whose duration came from `ctx.reportDurationMs`. */
  selfReported: number;
}

export interface MeasureOutput {
  /** In the order of `MeasureInput.arms`. */
  arms: ArmOutput[];
  warmupDone: number;
  budgetExhausted: boolean;
  stoppedBy: SamplingInfo['stopped_by'];
}

const PROGRESS_INTERVAL_NS = BigInt(PROGRESS_INTERVAL_MS * 1_000_000);
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Wraps an error thrown by user code with where it came from, keeping the original as `cause`. */
export class StepError extends Error {
  constructor(step: string, cause: unknown) {
    super(`${step} threw: ${describeError(cause)}`, { cause });
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.replace(/\s*\n\s*/g, ' ');
  return String(error);
}

async function hook(guard: Guard, name: string, fn: (() => unknown) | undefined): Promise<void> {
  if (!fn) return;
  try {
    await guard.run(fn);
  } catch (error) {
    throw error instanceof GuardInterrupt ? error : new StepError(name, error);
  }
}

/** Per-arm bookkeeping while measuring. */
interface ArmRun {
  arm: Arm;
  warmupNs: number[];
  sawAsync: boolean;
  sawReport: boolean;
  batchSize: number;
  samplesMs: number[];
  selfReported: number;
}

/**
 * Runs warmup, decides per-call or batched timing, then the measured iterations (DESIGN §5). With a
 * baseline, each iteration times both arms, in alternating order (A B, B A, A B, ...), so drift and any
 * cost of going first or second fall on both alike.
 */
export async function measure(input: MeasureInput): Promise<MeasureOutput> {
  const { def, state, guard, reporter, sampling } = input;
  const { ctx } = state;
  const start = now();
  const deadline = start + BigInt(Math.round(input.timeBudgetMs * 1_000_000));
  let lastProgress = start;
  let budgetExhausted = false;
  const runs: ArmRun[] = input.arms.map((arm) => ({
    arm,
    warmupNs: [],
    sawAsync: false,
    sawReport: false,
    batchSize: 1,
    samplesMs: [],
    selfReported: 0,
  }));
  const inOrder = (iteration: number): ArmRun[] => (iteration % 2 === 0 ? runs : [...runs].reverse());

  // Throttled: progress events and a yield (so an abort or a CLI redraw can run) at most every 100 ms.
  const progress = async (
    phase: 'warmup' | 'measure',
    done: number,
    total: number,
    t: bigint,
  ): Promise<void> => {
    if (done !== total && done !== 1 && t - lastProgress < PROGRESS_INTERVAL_NS) return;
    lastProgress = t;
    reporter?.onIteration?.({ benchmark: def, phase, done, total, elapsedMs: elapsedNs(start, t) / 1e6 });
    await yieldToEventLoop();
  };
  const checkInterrupt = (): void => {
    if (guard.interrupt) throw guard.interrupt;
  };

  /** One per-call iteration of one arm: untimed hooks around one timed call. Returns ns (or the self-reported span). */
  const iterate = async (
    run: ArmRun,
    phase: 'warmup' | 'measure',
    index: number,
  ): Promise<{ ns: number; reported: boolean }> => {
    const { arm } = run;
    state.phase = phase;
    state.iteration = index;
    await hook(guard, 'beforeEach', arm.beforeEach && (() => arm.beforeEach?.(ctx)));
    state.reportedMs = undefined;
    guard.arm();
    let t0: bigint;
    let t1: bigint;
    try {
      t0 = now();
      const value = arm.fn(ctx);
      if (isThenable(value)) {
        // A returned thenable makes the function async for batching purposes, even if it settled at once.
        run.sawAsync = true;
        await guard.wait(value);
      }
      t1 = now();
    } catch (error) {
      if (error === guard.interrupt) throw error;
      throw new StepError(`${arm.label} (${phase} iteration ${index})`, error);
    }
    await hook(guard, 'afterEach', arm.afterEach && (() => arm.afterEach?.(ctx)));
    const reported = state.reportedMs;
    if (reported !== undefined) run.sawReport = true;
    return reported === undefined
      ? { ns: elapsedNs(t0, t1), reported: false }
      : { ns: reported * 1e6, reported: true };
  };

  // ---- 1. Warmup (per call), noting whether each function may be batched.
  let warmupDone = 0;
  for (let i = 0; i < input.warmup; i++) {
    checkInterrupt();
    if (i > 0 && now() >= deadline) {
      budgetExhausted = true;
      break;
    }
    for (const run of inOrder(i)) run.warmupNs.push((await iterate(run, 'warmup', i)).ns);
    warmupDone++;
    await progress('warmup', i + 1, input.warmup, now());
  }

  // ---- 2. Batch size per arm: only for sync, hook-free, self-timing-free functions faster than the threshold.
  const thresholdNs = Math.max(BATCH_TIMER_COST_FACTOR * input.timerCostNs, MIN_BATCH_SPAN_NS);
  for (const run of runs) {
    const mayBatch = run.arm.allowBatching && !run.arm.beforeEach && !run.arm.afterEach;
    // Too few warmup calls (quick profile, warmup 0) cannot tell a sub-µs op from its first, unoptimised
    // call: top up with untimed probe calls, so such an op is never reported per call.
    for (
      let probe = 0;
      mayBatch && !run.sawAsync && !run.sawReport && run.warmupNs.length < MIN_PROBE_CALLS;
      probe++
    ) {
      checkInterrupt();
      // Two slow calls, not one: a single first call can be slow from compiling, or preempted on a busy machine.
      if (run.warmupNs.length > 1 && Math.min(...run.warmupNs) >= thresholdNs * PROBE_STOP_FACTOR) break;
      run.warmupNs.push((await iterate(run, 'warmup', input.warmup + probe)).ns);
    }
    if (mayBatch && run.warmupNs.length > 0 && !run.sawAsync && !run.sawReport) {
      // The fastest call, not the median: on a loaded machine preemption and cold code only ever add time,
      // and a few slow first calls must not make a sub-microsecond op look like a 10 µs one.
      const estimateNs = Math.min(...run.warmupNs);
      if (estimateNs < thresholdNs)
        run.batchSize = await sizeBatch(input, run.arm, thresholdNs, estimateNs, deadline);
    }
  }

  // ---- 3. Measured iterations, the monitor running around them only.
  await input.beforeMeasure();
  const maxIterations = sampling.mode === 'fixed' ? sampling.iterations : sampling.maxIterations;
  let stoppedBy: SamplingInfo['stopped_by'] = sampling.mode === 'fixed' ? 'iterations' : 'max_iterations';
  let nextCheck = sampling.mode === 'target_ci' ? sampling.minIterations : Number.POSITIVE_INFINITY;
  for (let i = 0; i < maxIterations; i++) {
    checkInterrupt();
    // The budget always leaves room for one measured iteration.
    if (i > 0 && now() >= deadline) {
      budgetExhausted = true;
      stoppedBy = 'budget';
      break;
    }
    for (const run of inOrder(i)) await sample(input, run, i, iterate);
    await progress('measure', i + 1, maxIterations, now());
    // Time-to-confidence: check at growing intervals (every ~5% more samples), so the check stays cheap.
    if (sampling.mode === 'target_ci' && i + 1 >= nextCheck) {
      // The benchmark's own CI decides; its floor, interleaved, has as many samples and its own CI in the result.
      if (sampling.converged(runs[0]?.samplesMs ?? [])) {
        stoppedBy = 'ci';
        break;
      }
      nextCheck = i + 1 + Math.max(1, Math.floor((i + 1) / 20));
    }
  }
  return {
    arms: runs.map((run) => ({
      samplesMs: run.samplesMs,
      mode: run.selfReported > 0 ? 'self_reported' : run.batchSize > 1 ? 'batched' : 'per_call',
      batchSize: run.batchSize,
      selfReported: run.selfReported,
    })),
    warmupDone,
    budgetExhausted,
    stoppedBy,
  };
}

/** Takes one measured sample of one arm: a batch, or one per-call iteration. */
async function sample(
  input: MeasureInput,
  run: ArmRun,
  index: number,
  iterate: (run: ArmRun, phase: 'measure', index: number) => Promise<{ ns: number; reported: boolean }>,
): Promise<void> {
  const { state, def } = input;
  if (run.batchSize > 1) {
    state.phase = 'measure';
    state.iteration = index;
    state.reportedMs = undefined;
    const ns = await timeBatch(input, run.arm, run.batchSize);
    if (state.reportedMs !== undefined) {
      throw new HarnessError(
        'HARNESS_INVALID_BENCHMARK',
        `benchmark '${def.id}': reportDurationMs was called in batched mode; set allowBatching: false`,
      );
    }
    run.samplesMs.push(ns / run.batchSize / 1e6);
    return;
  }
  const { ns, reported } = await iterate(run, 'measure', index);
  if (reported) run.selfReported++;
  run.samplesMs.push(ns / 1e6);
}

/** Times `k` back-to-back calls, ns. A thenable (a function that turned async) is awaited inside the span. */
async function timeBatch(input: MeasureInput, arm: Arm, k: number): Promise<number> {
  const { state, guard } = input;
  const { ctx } = state;
  guard.arm();
  try {
    const t0 = now();
    for (let j = 0; j < k; j++) {
      const value = arm.fn(ctx);
      if (isThenable(value)) await guard.wait(value);
    }
    return elapsedNs(t0, now());
  } catch (error) {
    if (error === guard.interrupt) throw error;
    throw new StepError(`${arm.label} (${state.phase} batch ${state.iteration})`, error);
  }
}

/**
 * Picks calls per sample so one sample spans at least `thresholdNs`: a first guess from the warmup's
 * per-call estimate, then doubled until the shortest of three timed batches spans twice the threshold
 * (the shortest, so a preempted batch cannot make a too-small size look big enough; twice, because code
 * still warming up here often runs ~2x faster once the JIT has optimized it). These batches are extra warmup.
 */
async function sizeBatch(
  input: MeasureInput,
  arm: Arm,
  thresholdNs: number,
  estimateNs: number,
  deadline: bigint,
) {
  const perCall = Math.max(estimateNs - input.timerCostNs / 2, 1);
  const spanNs = 2 * thresholdNs;
  let k = Math.min(Math.max(Math.ceil(spanNs / perCall), 2), MAX_BATCH_SIZE);
  input.state.phase = 'warmup';
  for (let round = 0; round < 30 && k < MAX_BATCH_SIZE; round++) {
    let shortest = Number.POSITIVE_INFINITY;
    for (let j = 0; j < 3; j++) shortest = Math.min(shortest, await timeBatch(input, arm, k));
    if (shortest >= spanNs || now() >= deadline) break;
    k = Math.min(k * 2, MAX_BATCH_SIZE);
  }
  return k;
}
