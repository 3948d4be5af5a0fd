import type { BaselineDefinition, BenchmarkDefinition, Target } from '@kaizen-bench/harness';
import type { ResolvedExecutionSuiteOptions } from '../options';
import type { ExecutionSubject, ExecutionWorkload, ModelCall, TokenUsage } from '../subject';
import { heapGrowth, heapUsedAfterGc } from './_heap';
import { type Held, medianOf, obtain, prepare, release } from './_lifecycle';

/** One sample of the agent arm: what the floor replays and what the metadata reports. */
export interface AgentSample {
  modelCalls: ModelCall[];
  usage: TokenUsage;
  /** Time inside model calls, ms, as the runtime measured it. */
  llmMs?: number;
}

/** What makes one Execution benchmark: its workload, its timed sample and its untimed checks. */
export interface ReplayedBenchmarkSpec<S extends AgentSample> {
  id: string;
  name: string;
  description: string;
  target: Target;
  iterations: number;
  warmup: number;
  /** Also the time-out of one step (setup with a first model load, one sample). */
  timeBudgetMs: number;
  workload: ExecutionWorkload;
  /** The floor's description: which raw calls it makes. */
  floorDescription: string;
  /** A reason to skip when the subject lacks what the benchmark needs. */
  unsupported?(subject: ExecutionSubject): string | undefined;
  /** The timed work of one sample, in a fresh session. */
  sample(subject: ExecutionSubject, sessionId: string, signal: AbortSignal): Promise<S>;
  /** Untimed, after the capture run and after every sample: throws when the sample did not do the work. */
  verify?(sample: S, subject: ExecutionSubject, sessionId: string): void | Promise<void>;
  /** Facts of the last measured sample for metadata. */
  facts?(sample: S): Record<string, unknown>;
}

const promptsKey = (calls: readonly ModelCall[]): string => JSON.stringify(calls);
const perSecond = (tokens: number, ms: number): number => (ms > 0 ? (tokens * 1000) / ms : 0);

/**
 * An Execution benchmark timed against its floor, interleaved sample by sample: the agent arm runs
 * `spec.sample` in a fresh session; the floor replays, with `subject.rawCall`, exactly the model calls (same
 * messages, same options) of the agent's latest sample, captured untimed (a capture run in setup, then each
 * sample in afterEach). Untimed too: whether each floor sample generated the same tokens as the agent sample
 * it replayed, and whether every agent sample sent the same prompts.
 */
export function createReplayedBenchmark<S extends AgentSample>(
  spec: ReplayedBenchmarkSpec<S>,
  options: ResolvedExecutionSuiteOptions,
): BenchmarkDefinition {
  let obtained: Omit<Held, 'model'> | undefined;
  let held: Held | undefined;
  let sessions = 0;
  let current: { sample: S; ms: number; sessionId: string } | undefined;
  let lastMeasured: S | undefined;
  // What the floor replays: the latest agent sample's calls and the tokens it used.
  let replay: { calls: ModelCall[]; usage: TokenUsage; key: string } | undefined;
  let promptsStable = true;
  // Heap used after a full GC once the first agent run is done: the heap-growth fact's starting point.
  let heapFirst: ReturnType<typeof heapUsedAfterGc> | undefined;
  const agentTally = { tokensPerS: [] as number[], llmMs: [] as number[], outsideLlmMs: [] as number[] };
  const floorTally = { tokensPerS: [] as number[], samples: 0, tokenMismatches: 0, completion: 0 };

  const capture = (sample: S) => {
    const key = promptsKey(sample.modelCalls);
    if (replay && replay.key !== key) promptsStable = false;
    replay = { calls: sample.modelCalls, usage: { ...sample.usage }, key };
  };
  const subject = () => held!.subject;

  const baseline: BaselineDefinition = {
    name: 'raw model call',
    description: spec.floorDescription,
    fn: async (ctx) => {
      const { calls, usage } = replay!;
      const started = performance.now();
      let promptTokens = 0;
      let completionTokens = 0;
      for (const call of calls) {
        const raw = await subject().rawCall(call, { signal: ctx.signal });
        promptTokens += raw.promptTokens;
        completionTokens += raw.completionTokens;
      }
      const ms = performance.now() - started;
      if (ctx.phase !== 'measure') return;
      floorTally.samples++;
      floorTally.completion = completionTokens;
      floorTally.tokensPerS.push(perSecond(completionTokens, ms));
      if (promptTokens !== usage.promptTokens || completionTokens !== usage.completionTokens) {
        floorTally.tokenMismatches++;
      }
    },
  };

  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    target: spec.target,
    iterations: spec.iterations,
    warmup: spec.warmup,
    timeBudgetMs: spec.timeBudgetMs,
    async requires(ctx) {
      obtained = await obtain(ctx, options);
      const reason = spec.unsupported?.(obtained.subject);
      if (reason === undefined) return true;
      // Setup and teardown will not run: let the subject go now.
      await release(ctx, obtained);
      obtained = undefined;
      return reason;
    },
    async setup(ctx) {
      sessions = 0;
      heapFirst = undefined;
      replay = undefined;
      promptsStable = true;
      lastMeasured = undefined;
      agentTally.tokensPerS.length = agentTally.llmMs.length = agentTally.outsideLlmMs.length = 0;
      Object.assign(floorTally, { tokensPerS: [], samples: 0, tokenMismatches: 0, completion: 0 });
      held = await prepare(ctx, options, obtained!, spec.workload);
      // The capture run: the floor's first samples replay its calls; it also warms the model up.
      const sessionId = `${spec.id}-capture`;
      const first = await spec.sample(held.subject, sessionId, ctx.signal);
      await spec.verify?.(first, held.subject, sessionId);
      capture(first);
      heapFirst = heapUsedAfterGc();
    },
    fn: async (ctx) => {
      const sessionId = `${spec.id}-${++sessions}`;
      const started = performance.now();
      const sample = await spec.sample(subject(), sessionId, ctx.signal);
      current = { sample, ms: performance.now() - started, sessionId };
    },
    async afterEach(ctx) {
      const done = current;
      current = undefined;
      if (!done) return;
      await spec.verify?.(done.sample, subject(), done.sessionId);
      capture(done.sample);
      if (ctx.phase !== 'measure') return;
      lastMeasured = done.sample;
      agentTally.tokensPerS.push(perSecond(done.sample.usage.completionTokens, done.ms));
      if (done.sample.llmMs !== undefined) {
        agentTally.llmMs.push(done.sample.llmMs);
        agentTally.outsideLlmMs.push(done.ms - done.sample.llmMs);
      }
    },
    baseline,
    async teardown(ctx) {
      try {
        // Every agent sample ran in a fresh session: growth is what the subject keeps across invocations.
        if (heapFirst && sessions > 0) {
          ctx.metadata['heap_growth'] = heapGrowth(heapFirst, heapUsedAfterGc(), sessions + 1);
        }
        if (lastMeasured) {
          Object.assign(ctx.metadata, {
            model_calls_per_sample: lastMeasured.modelCalls.length,
            prompt_tokens_per_sample: lastMeasured.usage.promptTokens,
            completion_tokens_per_sample: lastMeasured.usage.completionTokens,
            completion_tokens_per_s_p50: medianOf(agentTally.tokensPerS),
            ...(agentTally.llmMs.length > 0
              ? {
                  llm_ms_p50: medianOf(agentTally.llmMs),
                  outside_llm_ms_p50: medianOf(agentTally.outsideLlmMs),
                }
              : {}),
            prompts_stable: promptsStable,
            ...spec.facts?.(lastMeasured),
          });
        }
        if (floorTally.samples > 0) {
          Object.assign(ctx.metadata, {
            floor_completion_tokens_per_sample: floorTally.completion,
            floor_completion_tokens_per_s_p50: medianOf(floorTally.tokensPerS),
            floor_same_tokens: floorTally.tokenMismatches === 0,
            floor_token_mismatches: floorTally.tokenMismatches,
          });
        }
      } finally {
        await release(ctx, held ?? obtained);
        held = undefined;
        obtained = undefined;
      }
    },
  };
}
