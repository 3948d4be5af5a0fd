import type { ChatMessage } from '../llm/types';

/** What the first prompt of a run is built from. */
export interface PromptParts {
  systemPrompt: string;
  /** Tool protocol and tool list, appended to the system prompt when the agent has tools. */
  toolProtocol?: string | undefined;
  /** The session's recent turns, oldest first. */
  history: readonly ChatMessage[];
  input: string;
}

/** The messages of a run's first model call: system prompt (+ tool protocol), session history, user input. */
export function buildPrompt(parts: PromptParts): ChatMessage[] {
  const system = parts.toolProtocol ? `${parts.systemPrompt}\n\n${parts.toolProtocol}` : parts.systemPrompt;
  return [
    { role: 'system', content: system },
    ...parts.history.map((turn) => ({ role: turn.role, content: turn.content })),
    { role: 'user', content: parts.input },
  ];
}
