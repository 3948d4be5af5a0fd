import type { ToolCallRecord } from '../agent/run-tool';
import type { ChatMessage } from '../llm/types';

/**
 * A run's state at a step boundary: the prompt, then every completed step (a model reply and, for a tool
 * call, the tool's outcome), never a half-applied step. What an interrupt checkpoint saves and
 * `agent.resume()` continues from.
 */
export interface AgentRunProgress {
  /** The conversation so far: system prompt, history, input, then each completed step's messages. */
  messages: ChatMessage[];
  /** Model calls completed (and applied). */
  steps: number;
  /** Tool calls of the completed steps, in order. */
  toolCalls: ToolCallRecord[];
  /** Tokens of the completed steps. */
  usage: { promptTokens: number; completionTokens: number };
}

/** Hooks the agent loop offers interruptible runs (internal: `runInterruptible` and `resume` use them). */
export interface RunLoopHooks {
  /** Start from this state instead of a fresh prompt (memory is not read again). */
  resumeFrom?: AgentRunProgress;
  /** Called at each step boundary with the state so far: after the prompt is built, then after each step. */
  onStep?(progress: AgentRunProgress): void;
  /** Called with each tool execution's own promise: it can outlive an interrupted run. */
  onToolExecute?(work: Promise<unknown>): void;
}

/** Progress of a run that has not built its prompt yet. */
export function emptyProgress(): AgentRunProgress {
  return { messages: [], steps: 0, toolCalls: [], usage: { promptTokens: 0, completionTokens: 0 } };
}
