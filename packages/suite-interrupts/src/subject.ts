import type { InterruptTask } from './task';

type MaybePromise<T> = T | Promise<T>;

/** Where an interrupt came from. */
export type InterruptSourceKind = 'signal' | 'abort' | 'timeout' | 'budget';

/** The interrupt sources and the after-interrupt work of one run. */
export interface InterruptRunOptions {
  /** Caller abort: the suite aborts it while the run is in its long step (source `abort`). Always given. */
  signal: AbortSignal;
  /** Source `timeout`: interrupt the run this many ms after it started. */
  timeoutMs?: number;
  /**
   * Source `budget`: interrupt the run once the task tool's `charge(units)` calls (wire them to the run's
   * budget) add up to more than this. The suite charges past it while the run is in its long step.
   */
  budgetLimit?: number;
  /** On interrupt, save the completed steps durably before resolving. */
  checkpoint: boolean;
  /**
   * On interrupt, shut the agent down gracefully before resolving: in-flight tool aborted, shutdown hooks run,
   * resources closed. The next `run` gets a fresh agent (built outside the timed span).
   */
  shutdown: boolean;
}

/** How a run ended, with `process.hrtime.bigint()` stamps (ns, CLOCK_MONOTONIC on Linux). */
export interface InterruptRunOutcome {
  status: 'interrupted' | 'completed';
  /** The source that stopped the run. */
  kind?: InterruptSourceKind;
  /**
   * When the source fired, as the subject saw it. Needed for `timeout` (the timer is the subject's); the
   * suite stamps `abort` and `budget` itself just before it fires them.
   */
  firedAt?: bigint;
  /** When the run loop had observed the interrupt: the step in progress stopped, control handed back. */
  detectedAt?: bigint;
  /** When the checkpoint was durable (with `checkpoint: true`). */
  checkpointedAt?: bigint;
  /** When the agent was fully stopped (with `shutdown: true`). */
  stoppedAt?: bigint;
  /** Facts for the results' metadata (bytes written, hooks run, tools settled, ...). JSON values. */
  facts?: Record<string, unknown>;
}

/** What the newest interrupt checkpoint holds, loaded back (untimed check). */
export interface LoadedInterruptCheckpoint {
  /** Steps it holds as completed. */
  completedSteps: number;
  /** The results of its completed tool calls, in order, as the task tool returned them. */
  toolResults: unknown[];
}

/**
 * OS signals: a built JavaScript module a child `node` process imports (no TypeScript loader), and its export
 * that builds the agent there. The export is called as `build(argument, task)` and returns a
 * {@link SignalChildAgent}; the child is started once per benchmark and runs the task many times.
 */
export interface SignalChildEntry {
  /** Absolute path or `file:` URL of the module. */
  module: string;
  exportName: string;
  /** A JSON value handed to the export (e.g. the LLM choice). @default null */
  argument?: unknown;
}

/** What a {@link SignalChildEntry}'s export returns, in the child process. */
export interface SignalChildAgent {
  /**
   * Runs the task once. SIGINT or SIGTERM, with handlers installed only while the run is active (the suite
   * checks `process.listenerCount` after each run), interrupts it; resolves once the run has returned, with
   * when its loop observed the signal.
   */
  runUntilSignal(): Promise<{ detectedAt: bigint; signal?: string }>;
  close?(): MaybePromise<void>;
}

/**
 * The operations the Interrupts suite times. Implement it to benchmark your own framework's interrupt
 * handling. The default subject is the reference agent of `@kaizen-bench/agent` (see `createAgentSubject`).
 */
export interface InterruptsSubject {
  /** Shown in the results' metadata. */
  readonly name: string;
  /**
   * In-process sources it supports, of `abort`, `timeout`, `budget`; the others are left out of Detection
   * (named in its metadata). `abort` is required.
   * @default ['abort', 'timeout', 'budget']
   */
  readonly sources?: readonly InterruptSourceKind[];
  /**
   * Why the framework lacks a source, for the sources it leaves out (Detection's `sources_left_out`), e.g.
   * `{ budget: 'no cost budget in this framework' }`. A source named here is left out even if listed above.
   * @default every left-out source says "the subject does not support it"
   */
  readonly unsupported?: Partial<Record<InterruptSourceKind, string>>;
  /** Builds the agent for `task` (its one tool wired to `task.tool`); once per benchmark, untimed. */
  prepare(task: InterruptTask): MaybePromise<void>;
  /**
   * Runs `task.input` once with the sources of `options`, and resolves after the run returned: an interrupt
   * is an outcome, not a rejection.
   */
  run(options: InterruptRunOptions): Promise<InterruptRunOutcome>;
  /** Loads the newest interrupt checkpoint. Without it Checkpoint on Interrupt is skipped. */
  loadCheckpoint?(): Promise<LoadedInterruptCheckpoint>;
  /** The OS-signal source. Without it Detection leaves `signal` out (named in its metadata). */
  readonly signalChild?: SignalChildEntry;
  /** Facts for the results' metadata, asked for once per benchmark after its last iteration. */
  describe?(): MaybePromise<Record<string, unknown>>;
  /** Releases what the subject holds; called once per benchmark when the suite made the subject. */
  close?(): MaybePromise<void>;
}

/**
 * A subject, or a factory making a fresh subject per benchmark. The suite closes subjects it made through a
 * factory; a subject object passed directly is shared by the three benchmarks and never closed.
 */
export type InterruptsSubjectSource = InterruptsSubject | (() => MaybePromise<InterruptsSubject>);
