type MaybePromise<T> = T | Promise<T>;

/**
 * What a fresh Node process imports and calls in the Cold Start benchmark: a built JavaScript module (ESM or
 * CommonJS, no TypeScript loader) and its export that builds a ready agent.
 */
export interface ColdStartEntry {
  /** Absolute path or `file:` URL of the module. */
  module: string;
  /** Name of its export that builds a ready agent; called with `argument` and awaited. */
  exportName: string;
  /** A JSON value handed to that export (e.g. options). @default null */
  argument?: unknown;
}

/** What the Lazy Init benchmark's timed call reports. */
export interface LazyInitReport {
  /** Each lazy part's own time, ms (e.g. `{ provider: 31.2, tools: 0.4, memory: 0.01 }`): medians go to metadata. */
  partsMs?: Record<string, number>;
  /** Set when the 1/3 ms target does not apply to this setup (e.g. a model loaded in-process): the result is `unrated` with this reason. */
  unratedReason?: string;
}

/**
 * The operations the Initialization suite times. Implement it to benchmark your own framework's start-up.
 * The default subject builds the reference agent of `@kaizen-bench/agent` (see `createAgentSubject`).
 */
export interface InitializationSubject<A = unknown> {
  /** Shown in the results' metadata. */
  readonly name: string;
  /** Cold Start: the module a fresh process imports and the export that builds a ready agent there. */
  readonly coldStart: ColdStartEntry;
  /**
   * Builds an agent in this process, lazy parts untouched. Warm Start times this beside a live agent;
   * Lazy Init calls it untimed before each timed `initialize`.
   */
  create(): MaybePromise<A>;
  /**
   * Lazy Init: the first use of the agent's lazily initialized parts (model client, tool schemas, memory, ...).
   * Resolves to a report with each part's time, or to nothing.
   */
  initialize(agent: A): Promise<LazyInitReport | undefined>;
  /** Releases an agent made by `create()` (untimed). */
  dispose(agent: A): MaybePromise<void>;
  /** Facts for the results' metadata, asked for once per benchmark after its last iteration. */
  describe?(): MaybePromise<Record<string, unknown>>;
  /** Releases what the subject holds; called once per benchmark when the suite made the subject. */
  close?(): MaybePromise<void>;
}

/**
 * A subject, or a factory making a fresh subject per benchmark. The suite closes subjects it made through a
 * factory; a subject object passed directly is shared by the three benchmarks and never closed.
 */
export type InitializationSubjectSource = InitializationSubject | (() => MaybePromise<InitializationSubject>);
