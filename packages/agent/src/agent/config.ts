import type { ResolveProviderOptions } from '../llm/resolve-provider';
import type { LlmProvider } from '../llm/types';
import type { ConversationMemory } from './memory';
import type { ToolPolicy } from './policy';
import type { ToolDefinition } from './tool';

/** System prompt of an agent that sets none. */
export const DEFAULT_SYSTEM_PROMPT = 'You are a helpful assistant. Answer briefly and accurately.';
/** Recent turns of the session put into the prompt by default. */
export const DEFAULT_HISTORY_TURNS = 20;
/** Model calls one run may make by default. */
export const DEFAULT_MAX_STEPS = 8;

/** Limits of one `agent.run`; reaching one stops the loop with a `stopReason` saying which, not an error. */
export interface AgentRunBudget {
  /** Model calls per run. @default 8 */
  maxSteps?: number;
  /** Prompt + completion tokens per run, over all its model calls. @default unlimited */
  maxTokens?: number;
}

/** Generation options passed to every `provider.chat` call. Unset fields use the engine's defaults. */
export interface AgentGenerationOptions {
  /** Tokens per model call (capped by what is left of `budget.maxTokens`). */
  maxTokens?: number;
  /** Sampling temperature; 0 is greedy. */
  temperature?: number;
  /** Sampling seed, for reproducible runs. */
  seed?: number;
}

/** A memory instance, or a factory called on first use (the agent then owns and closes what it returns). */
export type AgentMemoryOption = ConversationMemory | (() => ConversationMemory | Promise<ConversationMemory>);

/** Config of {@link createAgent}. Validated up front: a bad field throws `AgentConfigError`. */
export interface AgentConfig {
  /** Name of the agent, e.g. for results and logs. */
  name: string;
  /** @default DEFAULT_SYSTEM_PROMPT */
  systemPrompt?: string;
  /**
   * The model: a provider you own (never closed by the agent), or how to pick one with `resolveProvider`
   * (resolved and loaded on first use, closed by `agent.close()`).
   * @default { llm: 'embedded' } — the generated tiny model
   */
  llm?: LlmProvider | ResolveProviderOptions;
  /** Tools the model may call; names unique. With tools, replies are forced into JSON (see README). @default [] */
  tools?: ToolDefinition[];
  /** Conversation memory, or a factory for it called on first use. @default a new `InProcessMemory` */
  memory?: AgentMemoryOption;
  /** Recent turns (messages) of the session put into the prompt. @default 20 */
  historyTurns?: number;
  /** Directory of the agent's `CheckpointStore`, created on first use of `agent.checkpoints()`. */
  checkpointDir?: string;
  /** @default { maxSteps: 8 } */
  budget?: AgentRunBudget;
  /** Decides whether each tool call may run. @default allowAllPolicy */
  policy?: ToolPolicy;
  /** Options of every model call. @default the engine's */
  generation?: AgentGenerationOptions;
  /**
   * `required`: every reply must be a tool call (the reply schema has no final answer), so a run ends by its
   * budget; with `budget: { maxSteps: 1 }` a run is one model call and one tool, e.g. one step of a step-wise
   * task. Needs tools. @default 'auto' (the model calls a tool or answers)
   */
  toolChoice?: 'auto' | 'required';
}

/** {@link AgentConfig} checked and with defaults applied. */
export interface ResolvedAgentConfig {
  name: string;
  systemPrompt: string;
  llm: { provider: LlmProvider } | { choice: ResolveProviderOptions };
  tools: ToolDefinition[];
  memory:
    | { instance: ConversationMemory }
    | { factory: () => ConversationMemory | Promise<ConversationMemory> };
  historyTurns: number;
  checkpointDir: string | undefined;
  budget: { maxSteps: number; maxTokens: number | undefined };
  policy: ToolPolicy;
  generation: AgentGenerationOptions;
  toolChoice: 'auto' | 'required';
}
