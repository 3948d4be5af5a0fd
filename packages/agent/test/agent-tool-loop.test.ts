import { expect, it } from 'vitest';
import { createAgent } from '../src/index';
import { finalReply, ScriptedProvider, toolCallReply } from './_scripted-provider';
import { echoTool, makeAddTool } from './_tools';

it('runs the tool the model asks for and feeds its result back until the model answers', async () => {
  const { tool: add, executed } = makeAddTool();
  const provider = new ScriptedProvider([toolCallReply('add', { a: 2, b: 3 }), finalReply('The sum is 5.')]);
  const agent = createAgent({ name: 'calc', llm: provider, tools: [add, echoTool] });

  const result = await agent.run('What is 2 + 3?', { sessionId: 'calc' });

  expect(result).toMatchObject({ text: 'The sum is 5.', stopReason: 'final', steps: 2 });
  expect(executed).toEqual([{ a: 2, b: 3 }]);
  expect(result.toolCalls).toEqual([
    { tool: 'add', arguments: { a: 2, b: 3 }, result: 5, durationMs: expect.any(Number) },
  ]);
  expect(result.usage).toEqual({ promptTokens: 20, completionTokens: 10 });

  // The second model call sees the tool call and its result after the user's question.
  const second = provider.calls[1]!.messages;
  expect(second.slice(1)).toEqual([
    { role: 'user', content: 'What is 2 + 3?' },
    { role: 'assistant', content: toolCallReply('add', { a: 2, b: 3 }) },
    { role: 'user', content: 'Tool add result: 5' },
  ]);
  expect(result.lastPrompt).toEqual(second);
  // The system prompt describes the protocol and the tools.
  expect(second[0]?.role).toBe('system');
  expect(second[0]?.content).toContain('{"type":"tool_call","tool":"<tool name>","arguments":{...}}');
  expect(second[0]?.content).toContain('- add: Adds two numbers.');
  expect(second[0]?.content).toContain('- echo: Returns the text it is given.');

  // Every reply is forced into the protocol's JSON schema, tool names as an enum.
  const schema = provider.calls[0]!.options.jsonSchema as {
    oneOf: Array<{ properties: Record<string, unknown> }>;
  };
  expect(schema.oneOf[0]?.properties.tool).toEqual({ enum: ['add', 'echo'] });
  expect(schema.oneOf[1]?.properties.type).toEqual({ const: 'final' });
  expect(result.lastChatOptions.jsonSchema).toBe(schema);

  // Memory keeps the user turn and the final answer, not the tool traffic.
  expect(await (await agent.memory()).recent('calc', 10)).toEqual([
    { role: 'user', content: 'What is 2 + 3?' },
    { role: 'assistant', content: 'The sum is 5.' },
  ]);
  await agent.close();
});

it('tells the model when its reply breaks the protocol, and goes on', async () => {
  const provider = new ScriptedProvider(['not json at all', '{"type":"maybe"}', finalReply('ok')]);
  const agent = createAgent({ name: 'protocol', llm: provider, tools: [echoTool] });
  const result = await agent.run('Hi');
  expect(result).toMatchObject({ text: 'ok', stopReason: 'final', steps: 3, toolCalls: [] });
  expect(provider.calls[1]!.messages.at(-1)?.content).toMatch(
    /^Your reply was not valid JSON\. Reply with one JSON object/,
  );
  expect(provider.calls[2]!.messages.at(-1)?.content).toMatch(
    /^Your reply was a JSON object whose "type" is neither "tool_call" nor "final"\. Reply/,
  );
  await agent.close();
});
