import type { AgentState } from '../checkpoint/state';
import type { CheckpointStore } from '../checkpoint/store';
import type { RunLoopHooks } from '../interrupts/progress';
import { resumeInterrupted } from '../interrupts/resume';
import {
  type InterruptibleAgent,
  type InterruptibleRunOptions,
  type InterruptibleRunResult,
  runInterruptibly,
} from '../interrupts/run-interruptible';
import {
  AgentShutdown,
  type ShutdownHook,
  type ShutdownHookOptions,
  type ShutdownOptions,
  type ShutdownReport,
} from '../interrupts/shutdown';
import type { LlmProvider } from '../llm/types';
import { linkSignals } from './_signals';
import { type AgentInitTimings, type AgentLazyState, type AgentPart, AgentParts } from './agent-parts';
import type { AgentConfig, ResolvedAgentConfig } from './config';
import { AgentAbortError, AgentClosedError, AgentConfigError } from './errors';
import type { ConversationMemory } from './memory';
import { buildReplySchema, describeToolProtocol } from './reply-protocol';
import { type AgentRunResult, runAgentLoop } from './run-loop';
import type { ToolDefinition } from './tool';
import { validateAgentConfig } from './validate-config';

/** Session of a run that names none. */
export const DEFAULT_SESSION_ID = 'default';

/** Options of {@link Agent.run}. */
export interface AgentRunOptions {
  /** Conversation the run belongs to: its recent turns go into the prompt. @default 'default' */
  sessionId?: string;
  /** Aborting it stops the run promptly (model call and tool included) with an `AgentAbortError`. */
  signal?: AbortSignal;
}

/** An agent made by {@link createAgent}. */
export interface Agent {
  readonly name: string;
  /** Whether `close()` has been called. */
  readonly closed: boolean;
  /**
   * Answers `input`: calls the model, runs the tools it asks for, until it answers or the budget runs out.
   * @throws AgentAbortError when `options.signal` aborts; AgentClosedError after (or during) `close()`.
   */
  run(input: string, options?: AgentRunOptions): Promise<AgentRunResult>;
  /** The LLM provider, resolved and loaded now if it is not yet. */
  provider(): Promise<LlmProvider>;
  /** The conversation memory, opened now if it is not yet. */
  memory(): Promise<ConversationMemory>;
  /**
   * The checkpoint store in `checkpointDir`, created now if it is not yet.
   * @throws AgentConfigError when the agent has no `checkpointDir`.
   */
  checkpoints(): Promise<CheckpointStore>;
  /** Which lazy parts are initialized now. Construction initializes none. */
  lazyState(): AgentLazyState;
  /**
   * Initializes `parts` now instead of on first use, one after the other. Parts that do not apply (`tools`
   * without tools, `checkpoints` without `checkpointDir`) are skipped and absent from the result.
   * @default every part that applies
   * @returns the milliseconds each part took; 0 for a part already initialized (it is not redone)
   */
  initialize(parts?: AgentPart[]): Promise<AgentInitTimings>;
  /**
   * Stops runs in progress (they reject with `AgentClosedError`) and releases what the agent opened: the
   * provider it resolved (not one you passed), the memory its factory made. Idempotent.
   */
  close(): Promise<void>;
  /**
   * Like `run`, but OS signals (SIGINT/SIGTERM, handlers installed only while it runs), `options.signal`,
   * `timeoutMs` and a `budget` interrupt it, and an interrupt is returned, never thrown:
   * `{ status: 'interrupted', reason, progress, checkpoint?, shutdown?, stamps, timings }` after the completed
   * steps were saved durably (with a `checkpointDir`) and, for a signal by default, a graceful shutdown.
   * Otherwise `{ status: 'completed', result }`. Other failures reject as `run` does.
   */
  runInterruptible(input: string, options?: InterruptibleRunOptions): Promise<InterruptibleRunResult>;
  /**
   * Continues an interrupted run from its checkpoint (a loaded state, a checkpoint id in `checkpoints()`, or
   * by default the newest there), after its completed steps; interruptible like `runInterruptible`.
   * @throws InterruptCheckpointError when the state is not an interrupted run's checkpoint
   */
  resume(
    checkpoint?: AgentState | string,
    options?: InterruptibleRunOptions,
  ): Promise<InterruptibleRunResult>;
  /**
   * Registers work for the graceful shutdown (flush a log, close a server). Hooks run newest first, each
   * within its `timeoutMs` (a hung hook is reported `timed_out` and left behind).
   * @returns a function that unregisters the hook
   */
  onShutdown(name: string, hook: ShutdownHook, options?: ShutdownHookOptions): () => void;
  /**
   * Graceful shutdown: stops runs in progress, waits (bounded) for aborted tools to settle, runs the
   * shutdown hooks newest first, then `close()`. Once; later calls get the same report.
   */
  shutdown(options?: ShutdownOptions): Promise<ShutdownReport>;
}

class AgentRuntime implements Agent {
  readonly name: string;
  private readonly parts: AgentParts;
  private readonly tools: ReadonlyMap<string, ToolDefinition>;
  private protocol: { text: string; schema: object } | undefined;
  private readonly stopping = new AbortController();
  private readonly runs = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;
  private readonly shutdownState = new AgentShutdown();

  constructor(private readonly config: ResolvedAgentConfig) {
    this.name = config.name;
    this.parts = new AgentParts(config);
    this.tools = new Map(config.tools.map((tool) => [tool.name, tool]));
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  run(input: string, options: AgentRunOptions = {}): Promise<AgentRunResult> {
    return this.startRun(input, options);
  }

  private startRun(input: string, options: AgentRunOptions, hooks?: RunLoopHooks): Promise<AgentRunResult> {
    if (this.closing) return Promise.reject(new AgentClosedError());
    const run = this.runNow(input, options, hooks);
    this.runs.add(run);
    const forget = () => this.runs.delete(run);
    run.then(forget, forget);
    return run;
  }

  private async runNow(
    input: string,
    options: AgentRunOptions,
    hooks?: RunLoopHooks,
  ): Promise<AgentRunResult> {
    const linked = linkSignals([options.signal, this.stopping.signal]);
    try {
      return await runAgentLoop({
        config: this.config,
        parts: this.parts,
        tools: this.tools,
        protocol: this.toolProtocol(),
        input,
        sessionId: options.sessionId ?? DEFAULT_SESSION_ID,
        signal: linked.signal,
        ...(hooks ? { hooks } : {}),
      });
    } catch (error) {
      if (linked.signal.aborted) {
        const userAbort = options.signal?.aborted && linked.signal.reason === options.signal.reason;
        throw userAbort ? new AgentAbortError({ cause: options.signal?.reason }) : new AgentClosedError();
      }
      throw error;
    } finally {
      linked.dispose();
    }
  }

  private toolProtocol(): { text: string; schema: object } | undefined {
    if (this.config.tools.length === 0) return undefined;
    this.protocol ??= {
      text: describeToolProtocol(this.config.tools, this.config.toolChoice),
      schema: buildReplySchema(this.config.tools, this.config.toolChoice),
    };
    return this.protocol;
  }

  provider(): Promise<LlmProvider> {
    return this.closing ? Promise.reject(new AgentClosedError()) : this.parts.provider.get();
  }

  memory(): Promise<ConversationMemory> {
    return this.closing ? Promise.reject(new AgentClosedError()) : this.parts.memory.get();
  }

  checkpoints(): Promise<CheckpointStore> {
    if (this.closing) return Promise.reject(new AgentClosedError());
    if (!this.parts.checkpoints) {
      return Promise.reject(
        new AgentConfigError(
          'checkpointDir',
          'is not set',
          'pass createAgent({ checkpointDir }) to use checkpoints',
        ),
      );
    }
    return this.parts.checkpoints.get();
  }

  lazyState(): AgentLazyState {
    return this.parts.state();
  }

  initialize(parts?: AgentPart[]): Promise<AgentInitTimings> {
    return this.closing ? Promise.reject(new AgentClosedError()) : this.parts.initialize(parts);
  }

  runInterruptible(input: string, options: InterruptibleRunOptions = {}): Promise<InterruptibleRunResult> {
    if (this.closing) return Promise.reject(new AgentClosedError());
    const start = { input, sessionId: options.sessionId ?? DEFAULT_SESSION_ID };
    return (async () => runInterruptibly(this.interruptible(), start, options))();
  }

  resume(
    checkpoint?: AgentState | string,
    options: InterruptibleRunOptions = {},
  ): Promise<InterruptibleRunResult> {
    if (this.closing) return Promise.reject(new AgentClosedError());
    return (async () => resumeInterrupted(this.interruptible(), checkpoint, options))();
  }

  onShutdown(name: string, hook: ShutdownHook, options?: ShutdownHookOptions): () => void {
    return this.shutdownState.add(name, hook, options);
  }

  shutdown(options?: ShutdownOptions): Promise<ShutdownReport> {
    const agent = this.interruptible();
    return agent.shutdown.run(agent.shutdownActions, options);
  }

  /** What the interrupts module needs: the loop with hooks, the checkpoint store, the shutdown. */
  private interruptible(): InterruptibleAgent {
    return {
      name: this.name,
      budget: this.config.budget,
      hasCheckpointDir: this.parts.checkpoints !== undefined,
      checkpoints: () => this.checkpoints(),
      runLoop: (input, options, hooks) => this.startRun(input, options, hooks),
      shutdown: this.shutdownState,
      shutdownActions: {
        stopRuns: async () => {
          this.stopping.abort(new AgentClosedError());
          await Promise.allSettled([...this.runs]);
        },
        close: () => this.close(),
      },
    };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopping.abort(new AgentClosedError());
      await Promise.allSettled([...this.runs]);
      await this.parts.close();
    })();
    return this.closing;
  }
}

/**
 * Creates an agent. The config is checked now, synchronously; nothing else happens until first use: the
 * provider, the tool validators, the memory and the checkpoint store are initialized lazily (or with
 * `agent.initialize()`).
 * @throws AgentConfigError naming the bad field and how to fix it.
 * @example
 * const agent = createAgent({ name: 'helper', llm: { llm: 'auto' }, tools: [readFile] });
 * const { text, toolCalls } = await agent.run('What is in notes.txt?');
 * await agent.close();
 */
export function createAgent(config: AgentConfig): Agent {
  return new AgentRuntime(validateAgentConfig(config));
}
