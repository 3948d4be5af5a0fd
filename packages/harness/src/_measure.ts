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
import type { BenchmarkDefinition, Reporter } from './types';

/** Everything the iteration loops need about one benchmark run. */
export interface MeasureInput {
  def: BenchmarkDefinition;
  state: ContextState;
  guard: Guard;
  iterations: number;
  warmup: number;
  timeBudgetMs: number;
  timerCostNs: number;
  reporter: Reporter | undefined;
  /** Called (and awaited) right before the first measured iteration: starts the resource monitor. */
  beforeMeasure: () => Promise<void>;
}

export interface MeasureOutput {
  samplesMs: number[];
  warmupDone: number;
  mode: 'per_call' | 'batched' | 'self_reported';
  batchSize: number;
  budgetExhausted: boolean;
  /** Measured iterations whose duration came from `ctx.reportDurationMs`. */
  selfReported: number;
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

/** Runs warmup, decides per-call or batched timing, then the measured iterations (DESIGN §5). */
export async function measure(input: MeasureInput): Promise<MeasureOutput> {
  const { def, state, guard, reporter } = input;
  const { ctx } = state;
  const start = now();
  const deadline = start + BigInt(Math.round(input.timeBudgetMs * 1_000_000));
  let lastProgress = start;
  let budgetExhausted = false;

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

  /** One per-call iteration: untimed hooks around one timed call. Returns ns (or the self-reported span). */
  const iterate = async (
    phase: 'warmup' | 'measure',
    index: number,
  ): Promise<{ ns: number; reported: boolean; async: boolean }> => {
    state.phase = phase;
    state.iteration = index;
    await hook(guard, 'beforeEach', def.beforeEach && (() => def.beforeEach?.(ctx)));
    state.reportedMs = undefined;
    guard.arm();
    let t0: bigint;
    let t1: bigint;
    let async = false;
    try {
      t0 = now();
      const value = def.fn(ctx);
      if (isThenable(value)) {
        async = true;
        await guard.wait(value);
      }
      t1 = now();
    } catch (error) {
      if (error === guard.interrupt) throw error;
      throw new StepError(`fn (${phase} iteration ${index})`, error);
    }
    await hook(guard, 'afterEach', def.afterEach && (() => def.afterEach?.(ctx)));
    const reported = state.reportedMs;
    return reported === undefined
      ? { ns: elapsedNs(t0, t1), reported: false, async }
      : { ns: reported * 1e6, reported: true, async };
  };

  // ---- 1. Warmup (per call), noting whether the function may be batched.
  const warmupNs: number[] = [];
  let sawAsync = false;
  let sawReport = false;
  let warmupDone = 0;
  for (let i = 0; i < input.warmup; i++) {
    checkInterrupt();
    if (i > 0 && now() >= deadline) {
      budgetExhausted = true;
      break;
    }
    const result = await iterate('warmup', i);
    warmupDone++;
    warmupNs.push(result.ns);
    sawReport ||= result.reported;
    // A returned thenable makes the function async for batching purposes, even if it settled at once.
    sawAsync ||= result.async;
    await progress('warmup', i + 1, input.warmup, now());
  }

  // ---- 2. Batch size: only for sync, hook-free, self-timing-free functions faster than the threshold.
  let batchSize = 1;
  const thresholdNs = Math.max(BATCH_TIMER_COST_FACTOR * input.timerCostNs, MIN_BATCH_SPAN_NS);
  const mayBatch = def.allowBatching !== false && !def.beforeEach && !def.afterEach;
  // Too few warmup calls (quick profile, warmup 0) cannot tell a sub-µs op from its first, unoptimised
  // call: top up with untimed probe calls, so such an op is never reported per call.
  for (let probe = 0; mayBatch && !sawAsync && !sawReport && warmupNs.length < MIN_PROBE_CALLS; probe++) {
    checkInterrupt();
    if (warmupNs.length > 0 && Math.min(...warmupNs) >= thresholdNs * PROBE_STOP_FACTOR) break;
    const result = await iterate('warmup', input.warmup + probe);
    warmupNs.push(result.ns);
    sawReport ||= result.reported;
    sawAsync ||= result.async;
  }
  const eligible = mayBatch && warmupNs.length > 0 && !sawAsync && !sawReport;
  if (eligible) {
    const sorted = [...warmupNs].sort((a, b) => a - b);
    const estimateNs = sorted[Math.floor(sorted.length / 2)] ?? thresholdNs;
    if (estimateNs < thresholdNs) {
      batchSize = await sizeBatch(input, thresholdNs, estimateNs, deadline);
    }
  }

  // ---- 3. Measured iterations, the monitor running around them only.
  await input.beforeMeasure();
  const samplesMs: number[] = [];
  let selfReported = 0;
  for (let i = 0; i < input.iterations; i++) {
    checkInterrupt();
    // The budget always leaves room for one measured iteration.
    if (i > 0 && now() >= deadline) {
      budgetExhausted = true;
      break;
    }
    if (batchSize > 1) {
      state.phase = 'measure';
      state.iteration = i;
      state.reportedMs = undefined;
      const ns = await timeBatch(input, batchSize);
      if (state.reportedMs !== undefined) {
        throw new HarnessError(
          'HARNESS_INVALID_BENCHMARK',
          `benchmark '${def.id}': reportDurationMs was called in batched mode; set allowBatching: false`,
        );
      }
      samplesMs.push(ns / batchSize / 1e6);
    } else {
      const { ns, reported } = await iterate('measure', i);
      if (reported) selfReported++;
      samplesMs.push(ns / 1e6);
    }
    await progress('measure', i + 1, input.iterations, now());
  }
  return {
    samplesMs,
    warmupDone,
    mode: selfReported > 0 ? 'self_reported' : batchSize > 1 ? 'batched' : 'per_call',
    batchSize,
    budgetExhausted,
    selfReported,
  };
}

/** Times `k` back-to-back calls, ns. A thenable (a function that turned async) is awaited inside the span. */
async function timeBatch(input: MeasureInput, k: number): Promise<number> {
  const { def, state, guard } = input;
  const { ctx } = state;
  guard.arm();
  try {
    const t0 = now();
    for (let j = 0; j < k; j++) {
      const value = def.fn(ctx);
      if (isThenable(value)) await guard.wait(value);
    }
    return elapsedNs(t0, now());
  } catch (error) {
    if (error === guard.interrupt) throw error;
    throw new StepError(`fn (${state.phase} batch ${state.iteration})`, error);
  }
}

/**
 * Picks calls per sample so one sample spans at least `thresholdNs`: a first guess from the warmup's
 * per-call estimate, then doubled until the shortest of three timed batches spans twice the threshold
 * (the shortest, so a preempted batch cannot make a too-small size look big enough; twice, because code
 * still warming up here often runs ~2x faster once the JIT has optimized it). These batches are extra warmup.
 */
async function sizeBatch(input: MeasureInput, thresholdNs: number, estimateNs: number, deadline: bigint) {
  const perCall = Math.max(estimateNs - input.timerCostNs / 2, 1);
  const spanNs = 2 * thresholdNs;
  let k = Math.min(Math.max(Math.ceil(spanNs / perCall), 2), MAX_BATCH_SIZE);
  input.state.phase = 'warmup';
  for (let round = 0; round < 30 && k < MAX_BATCH_SIZE; round++) {
    let shortest = Number.POSITIVE_INFINITY;
    for (let j = 0; j < 3; j++) shortest = Math.min(shortest, await timeBatch(input, k));
    if (shortest >= spanNs || now() >= deadline) break;
    k = Math.min(k * 2, MAX_BATCH_SIZE);
  }
  return k;
}
