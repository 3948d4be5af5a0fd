import type { ChatMessage, ChatOptions, ChatResult, LlmProvider, ProviderInfo } from '../src/index';

/** One scripted reply: its text, or a function of the call that returns it. */
export type ScriptedReply =
  | string
  | ((messages: ChatMessage[], options: ChatOptions) => string | Promise<string>);

/**
 * A test double of the model's *decisions* (what it replies), for loop tests that must be deterministic: the
 * real tiny model writes random text. Replies come in order, the last one repeating; every call is recorded.
 */
export class ScriptedProvider implements LlmProvider {
  readonly calls: Array<{ messages: ChatMessage[]; options: ChatOptions }> = [];
  closeCalls = 0;

  constructor(
    private readonly replies: ScriptedReply[],
    private readonly tokens = { prompt: 10, completion: 5 },
  ) {}

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    options.signal?.throwIfAborted();
    this.calls.push({ messages: messages.map((m) => ({ ...m })), options });
    const reply = this.replies[Math.min(this.calls.length, this.replies.length) - 1] ?? '';
    const text = typeof reply === 'function' ? await reply(messages, options) : reply;
    return {
      text,
      promptTokens: this.tokens.prompt,
      completionTokens: this.tokens.completion,
      finishReason: 'stop',
      timings: { totalMs: 0 },
      model: 'scripted',
    };
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map(() => [0]);
  }

  info(): ProviderInfo {
    return { engine: 'llama.cpp', model: 'scripted', targetsApply: false };
  }

  async close(): Promise<void> {
    this.closeCalls++;
  }
}

/** A tool-call reply in the agent's protocol. */
export function toolCallReply(tool: string, args: unknown): string {
  return JSON.stringify({ type: 'tool_call', tool, arguments: args });
}

/** A final-answer reply in the agent's protocol. */
export function finalReply(text: string): string {
  return JSON.stringify({ type: 'final', text });
}
