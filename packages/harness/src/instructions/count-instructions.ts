import { availableParallelism } from 'node:os';
import { HarnessError } from '../errors';
import { planBenchmark, type ResolvedRunOptions } from '../options';
import type {
  BenchmarkDefinition,
  InstructionsOptions,
  InstructionsResult,
  InstructionsTooling,
  SuiteDefinition,
} from '../types';
import { PROBE_NODE_FLAGS } from './_protocol';
import {
  CALLGRIND_FLAGS,
  INSTR_LATER_FLAG,
  type ProbeOutcome,
  probeScriptPath,
  runProbe,
} from './_run-probe';
import { checkValgrind } from './valgrind';

/** Repetitions (fresh processes) per benchmark when none are given. */
export const DEFAULT_INSTRUCTION_REPETITIONS = 3;
/** Counted calls of `fn` per repetition, at most (fewer when the benchmark runs fewer iterations). */
export const DEFAULT_INSTRUCTION_ITERATIONS = 10;
/** Measured calls made in every repetition, whatever the time (fewer only when `iterations` is lower). */
export const MIN_INSTRUCTION_ITERATIONS = 1;
/** Past the minimum, a repetition starts no new measured call once its measured calls took this long, ms. */
export const DEFAULT_INSTRUCTION_BUDGET_MS = 10_000;
/** One child process may take this long, ms. */
export const DEFAULT_INSTRUCTION_TIMEOUT_MS = 1_800_000;

/** What the note of a `waiting` benchmark's count says. */
export const WAITING_NOTE =
  'mostly waiting (fsync, network or child processes): the count is the CPU part of this process only (the kernel, the disk and other processes are not counted)';

/** {@link InstructionsOptions} checked, with defaults, and the valgrind found. */
export interface ResolvedInstructionsOptions {
  options: InstructionsOptions;
  repetitions: number;
  concurrency: number;
  timeoutMs: number;
  budgetMs: number;
  valgrind: string;
  /**
   * Start each child uninstrumented and let it switch instrumentation on after its warmup (~2x faster). Turned
   * off for the rest of the run when a child cannot (callgrind_control cannot reach it, e.g. no ptrace).
   */
  switchInstrumentation: boolean;
  tooling: InstructionsTooling;
}

const isInt = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min;

/**
 * Checks the options and that valgrind and the built child script are there, before anything runs.
 * @throws HarnessError `HARNESS_INVALID_OPTIONS`, `HARNESS_VALGRIND_MISSING`
 */
export async function resolveInstructionsOptions(
  options: InstructionsOptions,
): Promise<ResolvedInstructionsOptions> {
  const bad = (message: string) => new HarnessError('HARNESS_INVALID_OPTIONS', `instructions: ${message}`);
  if (!options?.source || typeof options.source.module !== 'string' || options.source.module === '') {
    throw bad(
      "source.module is required: the module a child process imports to re-create the suite (e.g. { module: '/abs/path/suite.js', export: 'default' })",
    );
  }
  const {
    repetitions = DEFAULT_INSTRUCTION_REPETITIONS,
    iterations,
    concurrency,
    timeoutMs,
    budgetMs,
  } = options;
  if (budgetMs !== undefined && !(typeof budgetMs === 'number' && budgetMs >= 0))
    throw bad(`budgetMs must be a number >= 0, got ${String(budgetMs)}`);
  if (options.note !== undefined && typeof options.note !== 'string')
    throw bad(`note must be a string, got ${typeof options.note}`);
  if (!isInt(repetitions, 1)) throw bad(`repetitions must be an integer >= 1, got ${String(repetitions)}`);
  if (iterations !== undefined && !isInt(iterations, 1))
    throw bad(`iterations must be an integer >= 1, got ${String(iterations)}`);
  if (concurrency !== undefined && !isInt(concurrency, 1))
    throw bad(`concurrency must be an integer >= 1, got ${String(concurrency)}`);
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0))
    throw bad(`timeoutMs must be a number > 0, got ${String(timeoutMs)}`);
  const valgrind = options.valgrind ?? 'valgrind';
  const check = await checkValgrind(valgrind);
  if (!check.ok) throw new HarnessError('HARNESS_VALGRIND_MISSING', `instruction counting: ${check.reason}`);
  probeScriptPath();
  return {
    options,
    repetitions,
    concurrency: concurrency ?? Math.max(1, Math.min(2, availableParallelism())),
    timeoutMs: timeoutMs ?? DEFAULT_INSTRUCTION_TIMEOUT_MS,
    budgetMs: budgetMs ?? DEFAULT_INSTRUCTION_BUDGET_MS,
    valgrind,
    switchInstrumentation: true,
    tooling: {
      valgrind_version: check.version,
      node_version: process.version,
      valgrind_flags: [...CALLGRIND_FLAGS, INSTR_LATER_FLAG],
      node_flags: [...PROBE_NODE_FLAGS],
    },
  };
}

/** The cost kind of a benchmark: as declared, else `waiting` for an `ioBound` one. */
export function costKindOf(def: BenchmarkDefinition): 'cpu' | 'waiting' {
  return def.costKind ?? (def.ioBound ? 'waiting' : 'cpu');
}

/**
 * Counts the instructions of the given benchmarks of `suite`: `repetitions` child processes each, run
 * `concurrency` at a time (repetition 1 of every benchmark first, then repetition 2, ...). Returns one
 * {@link InstructionsResult} per benchmark id; a stop by `run.signal` leaves the unfinished ones out.
 */
export async function countInstructions(
  suite: SuiteDefinition,
  benchmarks: readonly BenchmarkDefinition[],
  run: ResolvedRunOptions,
  resolved: ResolvedInstructionsOptions,
): Promise<Map<string, InstructionsResult>> {
  const plans = new Map(
    benchmarks.map((def) => {
      const plan = planBenchmark(def, run);
      const iterations =
        resolved.options.iterations ?? Math.min(DEFAULT_INSTRUCTION_ITERATIONS, plan.iterations);
      return [def.id, { def, iterations, warmup: plan.warmup, outcomes: [] as ProbeOutcome[] }];
    }),
  );
  const jobs = Array.from({ length: resolved.repetitions }, (_, r) =>
    benchmarks.map((def) => ({ def, repetition: r + 1 })),
  ).flat();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length && !run.signal?.aborted) {
      const job = jobs[next++];
      if (!job) break;
      const plan = plans.get(job.def.id);
      if (!plan) continue;
      // A benchmark that failed or was skipped once needs no more repetitions.
      if (plan.outcomes.some((o) => o.status !== 'ok')) continue;
      const probe = (switchInstrumentation: boolean) =>
        runProbe({
          switchInstrumentation,
          spec: {
            source: resolved.options.source,
            suiteId: suite.id,
            benchmarkId: job.def.id,
            seed: run.seed,
            warmup: plan.warmup,
            iterations: plan.iterations,
            minIterations: Math.min(MIN_INSTRUCTION_ITERATIONS, plan.iterations),
            budgetMs: resolved.budgetMs,
          },
          valgrind: resolved.valgrind,
          timeoutMs: resolved.timeoutMs,
          signal: run.signal,
        });
      let outcome = await probe(resolved.switchInstrumentation);
      if (outcome.status === 'failed' && outcome.switchFailed) {
        // Counted instrumented from the start from now on: slower, the same counts between the markers.
        resolved.switchInstrumentation = false;
        resolved.tooling.valgrind_flags = [...CALLGRIND_FLAGS];
        outcome = await probe(false);
      }
      if (run.signal?.aborted) return;
      plan.outcomes.push(outcome);
      resolved.options.onProgress?.({
        suiteId: suite.id,
        benchmarkId: job.def.id,
        repetition: job.repetition,
        repetitions: resolved.repetitions,
        outcome:
          outcome.status === 'ok'
            ? { status: 'ok', instructionsPerIteration: outcome.perIteration }
            : { status: outcome.status, reason: outcome.reason },
        durationMs: outcome.durationMs,
      });
    }
  };
  await Promise.all(Array.from({ length: resolved.concurrency }, lane));

  const results = new Map<string, InstructionsResult>();
  for (const [id, plan] of plans) {
    const ended = plan.outcomes.find(
      (o): o is Extract<ProbeOutcome, { reason: string }> => o.status !== 'ok',
    );
    if (ended) {
      results.set(id, { status: ended.status, reason: ended.reason, ...resolved.tooling });
      continue;
    }
    if (plan.outcomes.length < resolved.repetitions) continue;
    // The repetitions may have stopped at different calls (time budget): each is averaged over the calls all made.
    const counts = plan.outcomes.map((o) => (o.status === 'ok' ? o.iterationCounts : []));
    const common = Math.min(...counts.map((c) => c.length));
    const values = counts.map((c) => c.slice(0, common).reduce((a, b) => a + b, 0) / common);
    const kind = costKindOf(plan.def);
    // Parts joined by '; ' (which no part contains), so a reader can split them again.
    const note = [kind === 'waiting' ? WAITING_NOTE : undefined, resolved.options.note]
      .filter((part) => part !== undefined && part !== '')
      .join('; ');
    results.set(id, {
      status: 'ok',
      ...summarizeCounts(values),
      iterations: common,
      warmup_iterations: plan.warmup,
      iteration_counts: counts,
      cost_kind: kind,
      ...(note !== '' ? { note } : {}),
      duration_seconds: plan.outcomes.reduce((sum, o) => sum + o.durationMs, 0) / 1000,
      ...resolved.tooling,
    });
  }
  return results;
}

/** Mean and spread ((max - min) / mean) of the repetitions' instructions per iteration. */
export function summarizeCounts(values: readonly number[]): {
  instructions_per_iteration: number;
  repetitions: number[];
  spread: number;
} {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const spread = mean > 0 ? (Math.max(...values) - Math.min(...values)) / mean : 0;
  return { instructions_per_iteration: mean, repetitions: [...values], spread };
}
