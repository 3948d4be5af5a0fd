import {
  type ChatMessage,
  type ChatOptions,
  type ChatResult,
  type LlmProvider,
  resolveProvider,
} from '@kaizen-bench/agent';
import type { BaseMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { MemorySaver } from '@langchain/langgraph';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { KaizenChatModel } from '../src/execution/index';

let provider: LlmProvider;
/** What the real provider (the generated tiny model) received, call by call. */
const received: Array<{ messages: ChatMessage[]; options: ChatOptions | undefined; answer?: string }> = [];

beforeAll(async () => {
  const real = (await resolveProvider({ llm: 'embedded' })).provider;
  // A pass-through: the real model answers; the test keeps a copy of what it was sent.
  provider = {
    async chat(messages: ChatMessage[], options?: ChatOptions): Promise<ChatResult> {
      const call: (typeof received)[number] = {
        messages: structuredClone(messages),
        options: options && { ...options },
      };
      received.push(call);
      const result = await real.chat(messages, options);
      call.answer = result.text;
      return result;
    },
    embed: (texts) => real.embed(texts),
    info: () => real.info(),
    close: () => real.close(),
  };
});
afterAll(() => provider.close());

/** The messages LangGraph handed the chat model, as LangChain's callback system reports them. */
function recordModelInputs() {
  const seen: BaseMessage[][] = [];
  return {
    seen,
    callbacks: [
      { handleChatModelStart: (_llm: unknown, batches: BaseMessage[][]) => void seen.push(...batches) },
    ],
  };
}

const ROLE = { system: 'system', human: 'user', ai: 'assistant' } as const;

test('a multi-turn thread: the provider gets exactly the messages LangGraph built, one for one, same text', async () => {
  received.length = 0;
  const generation = { maxTokens: 12, temperature: 0, seed: 42 };
  const agent = createReactAgent({
    llm: new KaizenChatModel({ provider, generation }),
    tools: [],
    prompt: 'You are terse.',
    checkpointer: new MemorySaver(),
  });
  const { seen, callbacks } = recordModelInputs();
  const config = { configurable: { thread_id: 't1' }, callbacks };
  await agent.invoke({ messages: [{ role: 'user', content: 'My name is Ada.' }] }, config);
  await agent.invoke({ messages: [{ role: 'user', content: 'What is my name?' }] }, config);

  expect(seen).toHaveLength(2);
  expect(received).toHaveLength(2);
  // Turn 2 carries the system prompt, turn 1 and its answer from the thread, then the new input.
  expect(seen[1]?.map((m) => m.getType())).toEqual(['system', 'human', 'ai', 'human']);
  for (const [i, built] of seen.entries()) {
    const sent = received[i]!;
    expect(sent.messages).toEqual(
      built.map((m) => ({ role: ROLE[m.getType() as keyof typeof ROLE], content: m.content as string })),
    );
    expect(sent.options).toMatchObject(generation);
    expect(sent.options?.jsonSchema).toBeUndefined();
  }
  // The thread's assistant turn is exactly what the model answered in turn 1.
  expect(received[1]?.messages[2]).toEqual({ role: 'assistant', content: received[0]?.answer });
}, 120_000);

test('with bound tools: the tools are listed in the system message and the reply is schema-constrained; tool results come back as user messages', async () => {
  received.length = 0;
  let calls = 0;
  const lookup = tool(async () => ({ city: 'Lisbon', call: ++calls }), {
    name: 'lookup',
    description: 'Looks the city up. No arguments needed: {}.',
    schema: { type: 'object' },
    returnDirect: true,
  });
  const model = new KaizenChatModel({ provider, generation: { maxTokens: 96, temperature: 0, seed: 42 } });
  const agent = createReactAgent({
    llm: model.bindTools([lookup], { tool_choice: 'required' }),
    tools: [lookup],
    prompt: 'You look things up.',
    checkpointer: new MemorySaver(),
  });
  const { seen, callbacks } = recordModelInputs();
  const config = { configurable: { thread_id: 't2' }, callbacks };
  await agent.invoke({ messages: [{ role: 'user', content: 'Where?' }] }, config);
  await agent.invoke({ messages: [{ role: 'user', content: 'Again.' }] }, config);

  expect(calls).toBe(2);
  expect(received).toHaveLength(2);
  const built = seen[1]!;
  const sent = received[1]!;
  expect(built.map((m) => m.getType())).toEqual(['system', 'human', 'ai', 'tool', 'human']);
  expect(sent.messages).toHaveLength(built.length);
  // The system message: LangGraph's prompt, then the tool protocol naming the bound tool and its schema.
  expect(sent.messages[0]?.role).toBe('system');
  expect(sent.messages[0]?.content.startsWith('You look things up.\n\nYou must call a tool.')).toBe(true);
  expect(sent.messages[0]?.content).toContain(
    '- lookup: Looks the city up. No arguments needed: {}. Arguments (JSON Schema): {"type":"object"}',
  );
  // Everything else verbatim: the model's own earlier reply, the tool result as a user message.
  expect(sent.messages.slice(1)).toEqual([
    { role: 'user', content: 'Where?' },
    { role: 'assistant', content: built[2]?.content },
    { role: 'user', content: `Tool lookup result: ${built[3]?.content}` },
    { role: 'user', content: 'Again.' },
  ]);
  expect(JSON.parse(built[3]?.content as string)).toEqual({ city: 'Lisbon', call: 1 });
  // A required tool call: the schema admits only {"type":"tool_call","tool":"lookup",...}.
  expect(sent.options?.jsonSchema).toMatchObject({
    properties: { type: { const: 'tool_call' }, tool: { enum: ['lookup'] } },
  });
}, 120_000);
