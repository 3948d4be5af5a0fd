import { AgentAbortError } from '../agent/errors';
import type { AgentRunResult } from '../agent/run-loop';
import type { CheckpointStore } from '../checkpoint/store';
import { InterruptOptionsError } from './errors';
import { interruptCheckpointState, type ResumePoint } from './interrupt-checkpoint';
import { type AgentRunProgress, emptyProgress, type RunLoopHooks } from './progress';
import { INTERRUPT_KINDS, type InterruptKind, type InterruptReason } from './reason';
import { createRunInterrupt, type RunInterruptOptions } from './run-interrupt';
import {
  type AgentShutdown,
  checkShutdownOptions,
  type ShutdownActions,
  type ShutdownOptions,
  type ShutdownReport,
} from './shutdown';

/** Options of `agent.runInterruptible` and `agent.resume`. */
export interface InterruptibleRunOptions extends RunInterruptOptions, ShutdownOptions {
  /** Conversation the run belongs to. @default 'default' (for `resume`: the checkpoint's session) */
  sessionId?: string;
  /**
   * On interrupt, save the run's completed steps durably to `agent.checkpoints()` before returning.
   * @default true when the agent has a `checkpointDir`
   */
  checkpoint?: boolean;
  /**
   * Interrupt kinds after which the agent shuts down gracefully before the run returns (in-flight tool
   * awaited, shutdown hooks run newest first, provider and memory released; the agent is closed after).
   * `true`: every kind; `false`: none, only the run stops.
   * @default ['signal'] — a person asked the process to stop; a caller abort, timeout or budget stops the run only
   */
  shutdown?: boolean | readonly InterruptKind[];
}

/** A run that finished as `agent.run` would have. */
export interface CompletedRun {
  status: 'completed';
  result: AgentRunResult;
}

/** Where an interrupt checkpoint went. */
export interface InterruptCheckpoint {
  id: string;
  path: string;
  /** Bytes on disk. */
  bytes: number;
  /** Completed steps it holds. */
  step: number;
}

/** `process.hrtime.bigint()` stamps (ns, CLOCK_MONOTONIC on Linux) of an interrupt's life. */
export interface InterruptStamps {
  /** The source fired (taken by the source itself: signal handler, abort listener, timer, budget charge). */
  firedAt: bigint;
  /** The run loop had stopped the step in progress and handed control back. */
  detectedAt: bigint;
  /** The checkpoint was durable (fsynced and renamed). */
  checkpointedAt?: bigint;
  /** The graceful shutdown had finished: the agent is fully stopped. */
  stoppedAt?: bigint;
}

/** The stamps as milliseconds after `firedAt`. */
export interface InterruptTimings {
  detectMs: number;
  checkpointMs?: number;
  shutdownMs?: number;
}

/** A run stopped by an interrupt: returned, never thrown. */
export interface InterruptedRun {
  status: 'interrupted';
  reason: InterruptReason;
  input: string;
  sessionId: string;
  /** The last consistent state: completed steps only (the step in progress is dropped whole). */
  progress: AgentRunProgress;
  /** The durable checkpoint of `progress`, when checkpointing was on and the save worked. */
  checkpoint?: InterruptCheckpoint;
  /** Why the checkpoint could not be saved. */
  checkpointError?: Error;
  /** What the graceful shutdown did, when this kind shuts the agent down. */
  shutdown?: ShutdownReport;
  stamps: InterruptStamps;
  timings: InterruptTimings;
}

/** Result of `agent.runInterruptible` and `agent.resume`. */
export type InterruptibleRunResult = CompletedRun | InterruptedRun;

/** What an interruptible run needs from the agent (internal). */
export interface InterruptibleAgent {
  readonly name: string;
  readonly budget: { maxSteps: number; maxTokens: number | undefined };
  readonly hasCheckpointDir: boolean;
  checkpoints(): Promise<CheckpointStore>;
  runLoop(
    input: string,
    options: { sessionId: string; signal: AbortSignal },
    hooks: RunLoopHooks,
  ): Promise<AgentRunResult>;
  readonly shutdown: AgentShutdown;
  readonly shutdownActions: ShutdownActions;
}

function shutdownKinds(option: InterruptibleRunOptions['shutdown']): ReadonlySet<InterruptKind> {
  if (option === undefined) return new Set(['signal']);
  if (option === true) return new Set(INTERRUPT_KINDS);
  if (option === false) return new Set();
  if (!Array.isArray(option) || option.some((kind) => !INTERRUPT_KINDS.includes(kind))) {
    throw new InterruptOptionsError(
      'shutdown',
      `must be true, false or a list of ${INTERRUPT_KINDS.join(', ')}`,
      "pass e.g. ['signal', 'timeout']",
    );
  }
  return new Set(option);
}

const msBetween = (from: bigint, to: bigint | undefined): number | undefined =>
  to === undefined ? undefined : Number(to - from) / 1e6;

const tokensOf = (progress: AgentRunProgress): number =>
  progress.usage.promptTokens + progress.usage.completionTokens;

/**
 * Runs the agent loop from `start` with every interrupt source of `options` unified into its signal. An
 * interrupt returns `{ status: 'interrupted', ... }` after the checkpoint (if on) and the graceful shutdown
 * (if this kind asks for one); other failures reject as `agent.run` does.
 */
export async function runInterruptibly(
  agent: InterruptibleAgent,
  start: { input: string; sessionId: string; progress?: AgentRunProgress },
  options: InterruptibleRunOptions = {},
): Promise<InterruptibleRunResult> {
  const checkpoint = options.checkpoint ?? agent.hasCheckpointDir;
  if (checkpoint && !agent.hasCheckpointDir) {
    throw new InterruptOptionsError(
      'checkpoint',
      'is true but the agent has no checkpointDir',
      'pass createAgent({ checkpointDir }), or checkpoint: false',
    );
  }
  const shutdownOn = shutdownKinds(options.shutdown);
  checkShutdownOptions(options);
  const interrupt = createRunInterrupt(options);
  let progress = start.progress ?? emptyProgress();
  // Tokens of the steps a resumed run starts from were charged by the run that made them.
  let charged = tokensOf(progress);
  const tokenBudget = options.budget?.unit === 'tokens' ? options.budget : undefined;
  // The run's latest tool execution, with when it settled: in flight at the interrupt, or done before.
  let tool: { work: Promise<unknown>; settledAt?: bigint } | undefined;
  const hooks: RunLoopHooks = {
    ...(start.progress && start.progress.messages.length > 0 ? { resumeFrom: start.progress } : {}),
    onStep(next) {
      progress = next;
      const used = tokensOf(next);
      if (tokenBudget && used > charged) {
        const delta = used - charged;
        charged = used;
        tokenBudget.charge(delta);
      }
    },
    onToolExecute(work) {
      agent.shutdown.track(work);
      const entry: { work: Promise<unknown>; settledAt?: bigint } = { work };
      const settle = () => {
        entry.settledAt = process.hrtime.bigint();
      };
      work.then(settle, settle);
      tool = entry;
    },
  };
  let result: AgentRunResult;
  try {
    result = await agent.runLoop(
      start.input,
      { sessionId: start.sessionId, signal: interrupt.signal },
      hooks,
    );
  } catch (error) {
    const detectedAt = process.hrtime.bigint();
    interrupt.dispose();
    const reason = interrupt.reason;
    if (!reason || !(error instanceof AgentAbortError)) throw error;
    const toolInFlight = tool && !(tool.settledAt !== undefined && tool.settledAt < reason.firedAt);
    return finishInterrupted(agent, { ...start, progress }, reason, detectedAt, {
      checkpoint,
      shutdown: shutdownOn.has(reason.kind),
      options,
      tools: toolInFlight && tool ? [tool.work] : [],
    });
  }
  interrupt.dispose();
  return { status: 'completed', result };
}

/** After the loop stopped: the durable checkpoint, then the graceful shutdown, each if asked for. */
async function finishInterrupted(
  agent: InterruptibleAgent,
  point: ResumePoint,
  reason: InterruptReason,
  detectedAt: bigint,
  what: {
    checkpoint: boolean;
    shutdown: boolean;
    options: ShutdownOptions;
    tools: Array<Promise<unknown>>;
  },
): Promise<InterruptedRun> {
  const stamps: InterruptStamps = { firedAt: reason.firedAt, detectedAt };
  const interrupted: InterruptedRun = {
    status: 'interrupted',
    reason,
    input: point.input,
    sessionId: point.sessionId,
    progress: point.progress,
    stamps,
    timings: { detectMs: 0 },
  };
  if (what.checkpoint) {
    try {
      const store = await agent.checkpoints();
      const state = interruptCheckpointState(point.progress, {
        agentName: agent.name,
        input: point.input,
        sessionId: point.sessionId,
        reason,
        budget: agent.budget,
      });
      const saved = await store.save(state);
      stamps.checkpointedAt = process.hrtime.bigint();
      interrupted.checkpoint = { id: saved.id, path: saved.path, bytes: saved.bytes, step: state.step };
    } catch (error) {
      interrupted.checkpointError = error instanceof Error ? error : new Error(String(error));
    }
  }
  if (what.shutdown) {
    const { hookTimeoutMs, toolGraceMs } = what.options;
    interrupted.shutdown = await agent.shutdown.run(
      agent.shutdownActions,
      {
        ...(hookTimeoutMs !== undefined ? { hookTimeoutMs } : {}),
        ...(toolGraceMs !== undefined ? { toolGraceMs } : {}),
      },
      { reason, tools: what.tools },
    );
    stamps.stoppedAt = process.hrtime.bigint();
  }
  interrupted.timings = {
    detectMs: msBetween(stamps.firedAt, stamps.detectedAt) ?? 0,
    ...(stamps.checkpointedAt !== undefined
      ? { checkpointMs: msBetween(stamps.firedAt, stamps.checkpointedAt) }
      : {}),
    ...(stamps.stoppedAt !== undefined ? { shutdownMs: msBetween(stamps.firedAt, stamps.stoppedAt) } : {}),
  } as InterruptTimings;
  return interrupted;
}
