/** The agent-state schema version this runtime writes and reads. Bumped on any incompatible change. */
export const CHECKPOINT_SCHEMA_VERSION = 1;

/** Any value JSON can carry: what a checkpoint can hold in its free-form parts. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One turn of the conversation history. */
export interface AgentMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** When the message was added, ms since the Unix epoch. */
  timestamp: number;
  /** Tool name, for `tool` messages. */
  name?: string;
  /** Id of the tool call a `tool` message answers. */
  toolCallId?: string;
}

/** One entry of the agent's long-term memory. */
export interface MemoryEntry {
  id: string;
  content: string;
  tags: string[];
  /** Relevance weight in [0, 1]. */
  importance: number;
  /** ms since the Unix epoch. */
  createdAt: number;
}

/** Resource limits and what has been spent of them. */
export interface AgentBudget {
  maxTokens: number;
  usedTokens: number;
  maxSteps: number;
  /** US dollars. */
  maxCostUsd: number;
  /** US dollars. */
  usedCostUsd: number;
}

/** Everything needed to resume an agent where it stopped: what a checkpoint stores. */
export interface AgentState {
  schemaVersion: typeof CHECKPOINT_SCHEMA_VERSION;
  /** Conversation history, oldest first. */
  conversation: AgentMessage[];
  memory: MemoryEntry[];
  /** Index of the next step of the agent loop (0-based). */
  step: number;
  budget: AgentBudget;
  /** Per-tool state (call counts, cursors, cached results), keyed by tool name. */
  toolState: Record<string, JsonValue>;
  metadata: Record<string, JsonValue>;
}
