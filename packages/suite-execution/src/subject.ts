import type { JsonValue } from '@kaizen-bench/agent';

type MaybePromise<T> = T | Promise<T>;

/** Which benchmark a subject is being prepared for. */
export type ExecutionWorkloadKind = 'single_shot' | 'multi_turn' | 'long_running';

/** Generation settings of every model call of a workload. */
export interface ExecutionGeneration {
  /** Tokens generated per model call, at most. */
  maxTokens: number;
  /** Sampling temperature; 0 is greedy. */
  temperature: number;
  /** Sampling seed. */
  seed: number;
}

/**
 * A tool of the Long-Running task. Deterministic: its result depends on the step only, never on the
 * arguments the model wrote, so every run of the task does the same work whatever the model chose.
 */
export interface TaskTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments (`type: 'object'`); permissive, so any object the model writes passes. */
  parameters: Record<string, unknown>;
  /** The tool's result at `step` (1-based). */
  run(step: number): JsonValue;
}

/** The Long-Running task: `steps` model calls, each choosing one of `tools` in JSON, each followed by it. */
export interface LongTask {
  /** Steps of the task; each is one model call, one tool call and one durable checkpoint. */
  steps: number;
  /** System prompt of the task's agent. */
  instructions: string;
  /** Input of step `step` (1-based), given the previous step's tool and result (none at step 1). */
  stepInput(step: number, previous: { tool: string; result: JsonValue } | undefined): string;
  tools: readonly TaskTool[];
}

/** What a subject is asked to get ready for, untimed, in a benchmark's setup. */
export interface ExecutionWorkload {
  kind: ExecutionWorkloadKind;
  generation: ExecutionGeneration;
  /** Long-Running only. */
  task?: LongTask;
}

/** The model a subject runs on, for metadata and rating. */
export interface ExecutionModelInfo {
  /** e.g. `ollama`, `llama.cpp`. */
  engine: string;
  /** e.g. `llama3.2:1b`, a GGUF file name. */
  model: string;
  /** Whether the targets (set for Llama 3.2 1B) apply; otherwise results are `unrated`, overheads still stand. */
  targetsApply: boolean;
  /** One line saying which model was picked and why (e.g. "Ollama not reachable ...; using the embedded engine"). */
  choice?: string;
}

/** One model call as the runtime made it: enough to replay it against the raw model. */
export interface ModelCall {
  /** The prompt, as role/content messages (the Multi-Turn memory check reads them). */
  messages: ReadonlyArray<{ role: string; content: string }>;
  /** Generation options as sent (token limit, temperature, seed, JSON schema, ...); handed back to `rawCall`. */
  options: Readonly<Record<string, unknown>>;
}

/** Tokens of one or more model calls. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** What `subject.run` reports. */
export interface ExecutionRun {
  /** The answer. */
  text: string;
  /** Every model call of the run, in order. */
  modelCalls: ModelCall[];
  usage: TokenUsage;
  /** Time spent inside model calls, ms, as the runtime measured it (optional). */
  llmMs?: number;
}

/** What `subject.runTask` reports. */
export interface TaskRun {
  /** Steps completed. */
  steps: number;
  /** Every model call of the task, in order. */
  modelCalls: ModelCall[];
  usage: TokenUsage;
  /** Tool calls that ran. */
  toolCalls: number;
  /** One checkpoint per step, in order, each saved durably before the next step started. */
  checkpointIds: string[];
  /** Time spent inside model calls, ms, as the runtime measured it (optional). */
  llmMs?: number;
}

/** What `subject.rawCall` reports. */
export interface RawCallResult {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

/** Options of the subject's timed calls. */
export interface ExecutionCallOptions {
  /** Aborted when the run is cancelled or a step overruns its time budget. */
  signal: AbortSignal;
}

/** Options of `run` and `runTask`. */
export interface ExecutionSessionOptions extends ExecutionCallOptions {
  /** The conversation the run belongs to: earlier runs of the same session are its memory. */
  sessionId: string;
}

/**
 * The operations the Execution suite times. Implement it to benchmark your own framework: `run` is the
 * framework's agent call (e.g. LangGraph `invoke`, OpenAI Agents `run()`, Mastra `agent.generate()`, AI SDK
 * `generateText`), `rawCall` the model underneath it (`model.invoke`, `Model.getResponse()`, `doGenerate`).
 * The default subject runs the reference agent of `@kaizen-bench/agent` (see `createAgentSubject`).
 */
export interface ExecutionSubject {
  /** Shown in the results' metadata. */
  readonly name: string;
  /**
   * Untimed, once per benchmark before anything is timed: build the agent for `workload` (its generation
   * settings on every model call, the task's tools for Long-Running) and get the model ready.
   */
  prepare(workload: ExecutionWorkload): Promise<ExecutionModelInfo>;
  /** Single-Shot and Multi-Turn: the agent answers `input` in the session, with the session's earlier turns. */
  run(input: string, options: ExecutionSessionOptions): Promise<ExecutionRun>;
  /**
   * The floor: the model call underneath the agent, with exactly the messages and options of `call` (taken
   * from a run's `modelCalls`), and nothing else.
   */
  rawCall(call: ModelCall, options: ExecutionCallOptions): Promise<RawCallResult>;
  /**
   * Long-Running: runs the `task.steps` steps in the session, each a model call choosing one of the task's
   * tools in JSON mode, the tool, then a durable checkpoint. Leave it out and Long-Running is `skipped`.
   */
  runTask?(task: LongTask, options: ExecutionSessionOptions): Promise<TaskRun>;
  /** Ids of the checkpoints stored now (a store shared by sessions may list all of its own). With `runTask`. */
  listCheckpoints?(sessionId: string): Promise<string[]>;
  /** Loads a checkpoint and says which step it recorded (1-based: the steps done). With `runTask`. */
  loadCheckpoint?(sessionId: string, id: string): Promise<{ step: number }>;
  /** Facts for the results' metadata, asked for once per benchmark after its last iteration. */
  describe?(): MaybePromise<Record<string, unknown>>;
  /** Releases what the subject holds; called once per benchmark when the suite made the subject. */
  close?(): MaybePromise<void>;
}

/**
 * A subject, or a factory making a fresh subject per benchmark. The suite closes subjects it made through a
 * factory; a subject object passed directly is shared by the three benchmarks and never closed.
 */
export type ExecutionSubjectSource = ExecutionSubject | (() => MaybePromise<ExecutionSubject>);
