import {
  type ChatMessage,
  type ChatOptions,
  type ChatResult,
  createAgent,
  defineTool,
  type LlmProvider,
} from '@kaizen-bench/agent';
import { expect, test } from 'vitest';
import { modelCallsOf } from '../src/index';

/** A model double that decides by script (tool call, then answer) and records every call it gets. */
class RecordingModel implements LlmProvider {
  readonly calls: Array<{ messages: ChatMessage[]; options: Record<string, unknown> }> = [];
  constructor(private readonly replies: string[]) {}
  async chat(
    messages: ChatMessage[],
    { signal: _signal, ...options }: ChatOptions = {},
  ): Promise<ChatResult> {
    this.calls.push({ messages: messages.map((m) => ({ ...m })), options });
    const text = this.replies[(this.calls.length - 1) % this.replies.length] ?? '';
    return {
      text,
      promptTokens: 7,
      completionTokens: 3,
      finishReason: 'stop',
      timings: { totalMs: 0 },
      model: 'rec',
    };
  }
  async embed(texts: string[]) {
    return texts.map(() => [0]);
  }
  info() {
    return { engine: 'llama.cpp' as const, model: 'rec', targetsApply: false };
  }
  async close() {}
}

test('every model call of a multi-step run is rebuilt exactly, after history that holds assistant turns', async () => {
  const toolCall = JSON.stringify({ type: 'tool_call', tool: 'echo', arguments: { text: 'x' } });
  const final = (text: string) => JSON.stringify({ type: 'final', text });
  const model = new RecordingModel([final('earlier answer'), toolCall, toolCall, final('done')]);
  const agent = createAgent({
    name: 'rebuild',
    llm: model,
    tools: [
      defineTool({ name: 'echo', description: 'Echoes.', parameters: { type: 'object' }, execute: (a) => a }),
    ],
    generation: { maxTokens: 20, temperature: 0, seed: 1 },
  });
  await agent.run('hello', { sessionId: 's' }); // memory now holds a user and an assistant turn
  const result = await agent.run('use the tool twice', { sessionId: 's' });
  expect(result.steps).toBe(3);
  expect(modelCallsOf(result)).toEqual(model.calls.slice(1));
  await agent.close();
});
