import type { ToolCallRecord } from '../agent/run-tool';
import {
  type AgentMessage,
  type AgentState,
  CHECKPOINT_SCHEMA_VERSION,
  type JsonValue,
} from '../checkpoint/state';
import type { ChatMessage } from '../llm/types';
import { InterruptCheckpointError } from './errors';
import type { AgentRunProgress } from './progress';
import { type InterruptReason, interruptToJson } from './reason';

/** `metadata.kind` of a checkpoint written by an interrupted run. */
export const INTERRUPT_CHECKPOINT_KIND = 'kaizen-bench/interrupted-run';

/** What an interrupt checkpoint records besides the progress. */
export interface InterruptCheckpointFacts {
  agentName: string;
  input: string;
  sessionId: string;
  reason: InterruptReason;
  budget: { maxSteps: number; maxTokens: number | undefined };
}

/** What `agent.resume()` continues from: the run's input and session, and its completed steps. */
export interface ResumePoint {
  input: string;
  sessionId: string;
  progress: AgentRunProgress;
}

// Tool results are sent to the model as JSON already; a round trip makes them checkpoint values.
const asJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value ?? null)) as JsonValue;

/**
 * The agent state of an interrupted run: its completed steps only (conversation, step count, tool calls,
 * token usage), the input, the session and the interrupt reason. Loads back with {@link resumePointFromState}.
 */
export function interruptCheckpointState(
  progress: AgentRunProgress,
  facts: InterruptCheckpointFacts,
): AgentState {
  const now = Date.now();
  const toolState: Record<string, JsonValue> = {};
  for (const call of progress.toolCalls) {
    const counts = (toolState[call.tool] as { calls: number; failures: number } | undefined) ?? {
      calls: 0,
      failures: 0,
    };
    toolState[call.tool] = { calls: counts.calls + 1, failures: counts.failures + (call.error ? 1 : 0) };
  }
  const { promptTokens, completionTokens } = progress.usage;
  return {
    schemaVersion: CHECKPOINT_SCHEMA_VERSION,
    conversation: progress.messages.map(
      (m): AgentMessage => ({ role: m.role, content: m.content, timestamp: now }),
    ),
    memory: [],
    step: progress.steps,
    budget: {
      // 0: no token budget.
      maxTokens: facts.budget.maxTokens ?? 0,
      usedTokens: promptTokens + completionTokens,
      maxSteps: facts.budget.maxSteps,
      maxCostUsd: 0,
      usedCostUsd: 0,
    },
    toolState,
    metadata: {
      kind: INTERRUPT_CHECKPOINT_KIND,
      agent: facts.agentName,
      input: facts.input,
      sessionId: facts.sessionId,
      usage: { promptTokens, completionTokens },
      toolCalls: asJson(progress.toolCalls),
      interrupt: interruptToJson(facts.reason),
      interruptedAt: new Date(now).toISOString(),
    },
  };
}

const ROLES = new Set(['system', 'user', 'assistant']);

/**
 * The input, session and completed steps an interrupt checkpoint holds.
 * @throws InterruptCheckpointError when `state` was not written by an interrupted run
 */
export function resumePointFromState(state: AgentState): ResumePoint {
  const meta = state?.metadata;
  if (!meta || meta['kind'] !== INTERRUPT_CHECKPOINT_KIND) {
    throw new InterruptCheckpointError(
      `metadata.kind is ${JSON.stringify(meta?.['kind'] ?? null)}, not ${JSON.stringify(INTERRUPT_CHECKPOINT_KIND)}`,
    );
  }
  const { input, sessionId, usage, toolCalls } = meta as Record<string, JsonValue>;
  const tokens = usage as { promptTokens?: unknown; completionTokens?: unknown } | null;
  if (
    typeof input !== 'string' ||
    typeof sessionId !== 'string' ||
    !Array.isArray(toolCalls) ||
    typeof tokens?.promptTokens !== 'number' ||
    typeof tokens.completionTokens !== 'number' ||
    !Number.isInteger(state.step) ||
    state.step < 0
  ) {
    throw new InterruptCheckpointError(
      'its input, session, usage, tool calls or step are missing or malformed',
    );
  }
  const messages: ChatMessage[] = [];
  for (const message of state.conversation) {
    if (!ROLES.has(message.role) || typeof message.content !== 'string') {
      throw new InterruptCheckpointError(`it holds a message with role ${JSON.stringify(message.role)}`);
    }
    messages.push({ role: message.role as ChatMessage['role'], content: message.content });
  }
  return {
    input,
    sessionId,
    progress: {
      messages,
      steps: state.step,
      toolCalls: toolCalls as unknown as ToolCallRecord[],
      usage: { promptTokens: tokens.promptTokens, completionTokens: tokens.completionTokens },
    },
  };
}
