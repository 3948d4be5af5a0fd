import { type MonitorHandle, type ResourceReport, startMonitor } from '@kaizen-bench/monitor';
import { createRng, type Summary, summarize } from '@kaizen-bench/stats';
import { createContextState } from './_context';
import { createGuard, GuardInterrupt } from './_guard';
import { describeError, type MeasureOutput, measure, StepError } from './_measure';
import { deriveBenchmarkSeed } from './_seed';
import { calibrateTimerCostNs, elapsedNs, now } from './_timer';
import { HarnessError } from './errors';
import {
  planBenchmark,
  type ResolvedRunOptions,
  resolveRunOptions,
  validateBenchmarkDefinition,
} from './options';
import { rateLatency } from './rating';
import type { BenchmarkDefinition, BenchmarkResult, OkBenchmarkResult, RunOptions } from './types';

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
  const harnessFacts: Record<string, unknown> = {};

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
        outcome = await measure({
          def,
          state,
          guard,
          iterations: plan.iterations,
          warmup: plan.warmup,
          timeBudgetMs: plan.timeBudgetMs,
          timerCostNs,
          reporter: run.reporter,
          beforeMeasure: async () => {
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
        await runTeardown(def, state, plan.timeBudgetMs, harnessFacts);
      }
    }
  } finally {
    guard.dispose();
  }

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
  return okResult(base, outcome, plan.iterations, run, timerCostNs, resources, state.unratedReason, def);
}

async function runTeardown(
  def: BenchmarkDefinition,
  state: ReturnType<typeof createContextState>,
  timeBudgetMs: number,
  facts: Record<string, unknown>,
): Promise<void> {
  if (!def.teardown) return;
  state.phase = 'teardown';
  // Its own guard, without the run's signal: teardown runs after an abort too, bounded only by time.
  const guard = createGuard(timeBudgetMs, new AbortController());
  try {
    await guard.run(() => def.teardown?.(state.ctx));
  } catch (error) {
    facts['teardown_error'] =
      error instanceof GuardInterrupt
        ? `teardown timed out after ${timeBudgetMs} ms`
        : new StepError('teardown', error).message;
  } finally {
    guard.dispose();
  }
}

function okResult(
  base: ResultBase,
  outcome: MeasureOutput,
  requestedIterations: number,
  run: ResolvedRunOptions,
  timerCostNs: number,
  resources: ResourceReport | null,
  unratedReason: string | undefined,
  def: BenchmarkDefinition,
): BenchmarkResult {
  let summary: Summary;
  try {
    summary = summarize(outcome.samplesMs, run.stats);
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
    metadata['iterations_requested'] = requestedIterations;
  }
  if (outcome.mode === 'self_reported' && outcome.selfReported < outcome.samplesMs.length) {
    metadata['self_reported_samples'] = outcome.selfReported;
  }
  const rating = unratedReason !== undefined ? 'unrated' : rateLatency(summary.p50, def.target);
  const ratingReason = unratedReason ?? (def.target ? undefined : NO_TARGET_REASON);
  const result: OkBenchmarkResult = {
    ...base,
    metadata,
    status: 'ok',
    iterations: outcome.samplesMs.length,
    warmup_iterations: outcome.warmupDone,
    latency_ms: {
      p50: summary.p50,
      p95: summary.p95,
      p99: summary.p99,
      mean: summary.mean,
      stddev: finiteOr(summary.stddev, 0),
      min: summary.min,
      max: summary.max,
      count: summary.count,
    },
    throughput_ops_per_sec: summary.throughputOpsPerSec,
    resources,
    confidence_interval: {
      lower: finiteOr(summary.confidenceInterval.lower, summary.mean),
      upper: finiteOr(summary.confidenceInterval.upper, summary.mean),
      confidence: summary.confidenceInterval.confidence,
    },
    outliers_removed: summary.outliersRemoved,
    rating,
    timing: {
      clock: 'process.hrtime.bigint',
      mode: outcome.mode,
      batch_size: outcome.batchSize,
      timer_cost_ns: timerCostNs,
    },
    samples_ms: outcome.samplesMs,
  };
  if (rating === 'unrated' && ratingReason !== undefined) result.rating_reason = ratingReason;
  return result;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
