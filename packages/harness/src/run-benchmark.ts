import { availableParallelism, loadavg } from 'node:os';
import { type MonitorHandle, type ResourceReport, startMonitor } from '@kaizen-bench/monitor';
import { createRng, type Summary, summarize } from '@kaizen-bench/stats';
import { createContextState } from './_context';
import { createGuard, GuardInterrupt } from './_guard';
import { startPressureReading } from './_machine-pressure';
import { ciOf, latencyOf, overheadOf, timingOf } from './_result-fields';
import {
  type Arm,
  type ArmOutput,
  describeError,
  type MeasureOutput,
  measure,
  type SamplingPlan,
  StepError,
} from './_measure';
import { deriveBenchmarkSeed } from './_seed';
import { calibrateTimerCostNs, elapsedNs, now } from './_timer';
import { ABANDONED_STEP_WAIT_MS } from './constants';
import { diagnoseResult } from './diagnostics';
import { HarnessError } from './errors';
import {
  type BenchmarkPlan,
  planBenchmark,
  type ResolvedRunOptions,
  resolveRunOptions,
  validateBenchmarkDefinition,
} from './options';
import { rateLatency } from './rating';
import type {
  BaselineResult,
  BenchmarkDefinition,
  BenchmarkResult,
  MachinePressure,
  OkBenchmarkResult,
  RunOptions,
  SamplingInfo,
} from './types';

type ResultBase = Pick<
  OkBenchmarkResult,
  'id' | 'name' | 'description' | 'timestamp' | 'duration_seconds' | 'metadata' | 'target'
>;

/** Why a result is `unrated` when the benchmark has no target. */
export const NO_TARGET_REASON = 'no target set for this benchmark';

/**
 * Runs one benchmark on its own (calibrating the timer first) and returns its result. Never throws for a
 * failing benchmark: that is a `failed` / `skipped` result. Throws {@link HarnessError} for bad options or
 * a bad definition. Reporter: only `onIteration` fires (suite events need a suite).
 */
export async function runBenchmark(
  benchmark: BenchmarkDefinition,
  options: RunOptions = {},
): Promise<BenchmarkResult> {
  validateBenchmarkDefinition(benchmark);
  const run = resolveRunOptions(options);
  return executeBenchmark(benchmark, run, calibrateTimerCostNs());
}

/** Runs a validated benchmark with resolved options and a calibrated timer. Shared by runBenchmark and runSuite. */
export async function executeBenchmark(
  def: BenchmarkDefinition,
  run: ResolvedRunOptions,
  timerCostNs: number,
): Promise<BenchmarkResult> {
  const startedAt = new Date();
  const t0 = now();
  const plan = planBenchmark(def, run);
  const controller = new AbortController();
  const guard = createGuard(plan.timeBudgetMs, controller, run.signal);
  const rng = createRng(deriveBenchmarkSeed(run.seed, def.id));
  const state = createContextState(def.id, run.seed, rng, controller.signal);
  const { ctx } = state;

  let outcome: MeasureOutput | undefined;
  let failure: string | undefined;
  let skipReason: string | undefined;
  let monitor: MonitorHandle | undefined;
  let resources: ResourceReport | null = null;
  let baselineSetUp = false;
  const harnessFacts: Record<string, unknown> = {};
  // The 1-minute load average, read at both ends of the benchmark; the higher one goes to diagnostics.
  let peakLoad = loadavg()[0] ?? 0;
  let stopPressure: (() => MachinePressure | undefined) | undefined;
  let pressure: MachinePressure | undefined;

  const reasonOf = (error: unknown): string => {
    if (error instanceof GuardInterrupt) {
      if (error.kind === 'aborted') return 'aborted';
      const step =
        state.phase === 'setup' || state.phase === 'teardown'
          ? state.phase
          : `${state.phase} iteration ${state.iteration}`;
      return `timed out after ${plan.timeBudgetMs} ms: ${step} did not settle within the time budget (raise timeBudgetMs if it is only slow)`;
    }
    if (error instanceof StepError || error instanceof HarnessError) return error.message;
    return describeError(error);
  };

  try {
    if (def.requires) {
      state.phase = 'setup';
      try {
        const verdict = await guard.run(() => def.requires?.(ctx));
        if (verdict !== true) {
          skipReason =
            typeof verdict === 'string' && verdict.trim() !== ''
              ? verdict
              : `requires returned ${String(verdict)} instead of true or a reason`;
        }
      } catch (error) {
        failure =
          error instanceof GuardInterrupt ? reasonOf(error) : reasonOf(new StepError('requires', error));
      }
    }
    if (failure === undefined && skipReason === undefined) {
      try {
        state.phase = 'setup';
        if (def.setup) {
          try {
            await guard.run(() => def.setup?.(ctx));
          } catch (error) {
            throw error instanceof GuardInterrupt ? error : new StepError('setup', error);
          }
        }
        if (def.baseline) {
          baselineSetUp = true;
          await hookStep(guard, 'baseline setup', def.baseline.setup && (() => def.baseline?.setup?.(ctx)));
        }
        outcome = await measure({
          def,
          arms: armsOf(def),
          state,
          guard,
          sampling: samplingPlan(plan, run),
          warmup: plan.warmup,
          timeBudgetMs: plan.timeBudgetMs,
          timerCostNs,
          reporter: run.reporter,
          beforeMeasure: async () => {
            stopPressure = startPressureReading();
            if (!run.monitor) return;
            try {
              monitor = startMonitor({ intervalMs: run.monitorIntervalMs });
              await monitor.ready();
            } catch (error) {
              monitor = undefined;
              harnessFacts['monitor_error'] = describeError(error);
            }
          },
        });
        pressure = stopPressure?.();
      } catch (error) {
        failure = reasonOf(error);
      } finally {
        if (monitor) {
          try {
            resources = await monitor.stop();
          } catch (error) {
            harnessFacts['monitor_error'] = describeError(error);
          }
        }
        // A step abandoned by an abort or time-out may still be creating things (a temp directory, a child
        // process): let it settle, for a short while, so teardown can clean up what it made.
        if (guard.interrupt) await guard.drain(Math.min(plan.timeBudgetMs, ABANDONED_STEP_WAIT_MS));
        if (baselineSetUp) {
          await runTeardown(
            def.baseline?.teardown,
            'baseline_teardown_error',
            state,
            plan.timeBudgetMs,
            harnessFacts,
          );
        }
        await runTeardown(def.teardown, 'teardown_error', state, plan.timeBudgetMs, harnessFacts);
      }
    }
  } finally {
    guard.dispose();
  }
  peakLoad = Math.max(peakLoad, loadavg()[0] ?? 0);

  const base: ResultBase = {
    id: def.id,
    name: def.name,
    description: def.description,
    timestamp: startedAt.toISOString(),
    duration_seconds: elapsedNs(t0, now()) / 1e9,
    metadata: { ...state.metadata, ...harnessFacts },
    target: def.target ? { excellentMs: def.target.excellentMs, targetMs: def.target.targetMs } : null,
  };
  if (skipReason !== undefined) return { ...base, status: 'skipped', reason: skipReason };
  if (failure !== undefined || outcome === undefined) {
    return { ...base, status: 'failed', reason: failure ?? 'no measured iterations' };
  }
  const result = okResult(
    base,
    outcome,
    plan,
    run,
    timerCostNs,
    resources,
    state.unratedReason,
    def,
    peakLoad,
  );
  if (pressure && result.status === 'ok') result.machine_pressure = pressure;
  return result;
}

/** The benchmark's arm, then its baseline's: measure() interleaves their samples. */
function armsOf(def: BenchmarkDefinition): Arm[] {
  const arms: Arm[] = [
    {
      label: 'fn',
      fn: def.fn,
      beforeEach: def.beforeEach,
      afterEach: def.afterEach,
      allowBatching: def.allowBatching !== false,
    },
  ];
  if (def.baseline) {
    arms.push({
      label: 'baseline fn',
      fn: def.baseline.fn,
      allowBatching: def.baseline.allowBatching !== false,
    });
  }
  return arms;
}

/** Fixed iterations, or time-to-confidence judged by the same CI the result reports. */
function samplingPlan(plan: BenchmarkPlan, run: ResolvedRunOptions): SamplingPlan {
  if (!plan.targetCi) return { mode: 'fixed', iterations: plan.iterations };
  const limit = plan.targetCi.percent / 100;
  return {
    mode: 'target_ci',
    targetCiPercent: plan.targetCi.percent,
    minIterations: plan.targetCi.minIterations,
    maxIterations: plan.iterations,
    converged: (samplesMs) => {
      const summary = summarize(samplesMs, run.stats);
      const half = (summary.confidenceInterval.upper - summary.confidenceInterval.lower) / 2;
      return summary.mean > 0 && Number.isFinite(half) && half / summary.mean <= limit;
    },
  };
}

async function hookStep(
  guard: ReturnType<typeof createGuard>,
  name: string,
  fn: (() => unknown) | undefined,
) {
  if (!fn) return;
  try {
    await guard.run(fn);
  } catch (error) {
    throw error instanceof GuardInterrupt ? error : new StepError(name, error);
  }
}

async function runTeardown(
  teardown: BenchmarkDefinition['teardown'],
  factKey: 'teardown_error' | 'baseline_teardown_error',
  state: ReturnType<typeof createContextState>,
  timeBudgetMs: number,
  facts: Record<string, unknown>,
): Promise<void> {
  if (!teardown) return;
  const name = factKey === 'teardown_error' ? 'teardown' : 'baseline teardown';
  state.phase = 'teardown';
  // Its own guard, without the run's signal: teardown runs after an abort too, bounded only by time.
  const guard = createGuard(timeBudgetMs, new AbortController());
  try {
    await guard.run(() => teardown(state.ctx));
  } catch (error) {
    facts[factKey] =
      error instanceof GuardInterrupt
        ? `${name} timed out after ${timeBudgetMs} ms`
        : new StepError(name, error).message;
  } finally {
    guard.dispose();
  }
}

function okResult(
  base: ResultBase,
  outcome: MeasureOutput,
  plan: BenchmarkPlan,
  run: ResolvedRunOptions,
  timerCostNs: number,
  resources: ResourceReport | null,
  unratedReason: string | undefined,
  def: BenchmarkDefinition,
  loadAverage1m: number,
): BenchmarkResult {
  const [subject, floor] = outcome.arms as [ArmOutput, ArmOutput | undefined];
  let summary: Summary;
  let floorSummary: Summary | undefined;
  try {
    summary = summarize(subject.samplesMs, run.stats);
    if (floor) floorSummary = summarize(floor.samplesMs, run.stats);
  } catch (error) {
    return { ...base, status: 'failed', reason: `statistics failed: ${describeError(error)}` };
  }
  if (!(summary.mean > 0)) {
    return {
      ...base,
      status: 'failed',
      reason: 'every measured sample was 0 ms: nothing was timed (check what reportDurationMs is given)',
    };
  }
  const metadata = { ...base.metadata };
  if (outcome.budgetExhausted) {
    metadata['budget_exhausted'] = true;
    metadata['iterations_requested'] = plan.iterations;
  }
  if (subject.mode === 'self_reported' && subject.selfReported < subject.samplesMs.length) {
    metadata['self_reported_samples'] = subject.selfReported;
  }
  const rating = unratedReason !== undefined ? 'unrated' : rateLatency(summary.p50, def.target);
  const ratingReason = unratedReason ?? (def.target ? undefined : NO_TARGET_REASON);
  const sampling: SamplingInfo = {
    mode: plan.targetCi ? 'target_ci' : 'fixed',
    stopped_by: outcome.stoppedBy,
    target_ci_percent: plan.targetCi?.percent ?? null,
    max_iterations: plan.iterations,
  };
  const result: OkBenchmarkResult = {
    ...base,
    metadata,
    status: 'ok',
    iterations: subject.samplesMs.length,
    warmup_iterations: outcome.warmupDone,
    latency_ms: latencyOf(summary),
    throughput_ops_per_sec: summary.throughputOpsPerSec,
    resources,
    confidence_interval: ciOf(summary),
    outliers_removed: summary.outliersRemoved,
    rating,
    timing: timingOf(subject, timerCostNs),
    samples_ms: subject.samplesMs,
    sampling,
  };
  if (rating === 'unrated' && ratingReason !== undefined) result.rating_reason = ratingReason;
  if (def.baseline && floor && floorSummary) {
    result.baseline = {
      name: def.baseline.name,
      description: def.baseline.description,
      iterations: floor.samplesMs.length,
      latency_ms: latencyOf(floorSummary),
      confidence_interval: ciOf(floorSummary),
      outliers_removed: floorSummary.outliersRemoved,
      timing: timingOf(floor, timerCostNs),
      samples_ms: floor.samplesMs,
    } satisfies BaselineResult;
    const overhead = overheadOf(summary, floorSummary, subject.samplesMs, floor.samplesMs, run.seed);
    if (overhead) result.overhead = overhead;
  }
  result.diagnostics = diagnoseResult(
    result,
    { loadAverage1m, cores: availableParallelism() },
    def.ioBound === true,
  );
  return result;
}
