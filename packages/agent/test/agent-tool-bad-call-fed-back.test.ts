import { expect, it } from 'vitest';
import { createAgent, defineTool } from '../src/index';
import { finalReply, ScriptedProvider, toolCallReply } from './_scripted-provider';
import { makeAddTool } from './_tools';

it('arguments failing the tool schema are a tool error fed back to the model, and the tool does not run', async () => {
  const { tool: add, executed } = makeAddTool();
  const provider = new ScriptedProvider([toolCallReply('add', { a: 'two' }), finalReply('I could not add.')]);
  const agent = createAgent({ name: 'bad-args', llm: provider, tools: [add] });
  const result = await agent.run('Add two and three.');
  expect(result).toMatchObject({ stopReason: 'final', text: 'I could not add.', steps: 2 });
  expect(executed).toEqual([]);
  const [call] = result.toolCalls;
  expect(call).toMatchObject({
    tool: 'add',
    arguments: { a: 'two' },
    error: { code: 'TOOL_INVALID_ARGUMENTS' },
  });
  expect(call?.error?.message).toContain('arguments/a must be number');
  expect(call?.error?.message).toContain("must have required property 'b'");
  expect(call).not.toHaveProperty('result');
  expect(provider.calls[1]?.messages.at(-1)?.content).toBe(`Tool add error: ${call?.error?.message}`);
  await agent.close();
});

it('an unknown tool and a tool that throws are tool errors fed back too', async () => {
  const broken = defineTool({
    name: 'broken',
    description: 'Always fails.',
    parameters: { type: 'object' },
    execute: () => {
      throw new Error('disk on fire\nstack details');
    },
  });
  const provider = new ScriptedProvider([
    toolCallReply('missing', {}),
    toolCallReply('broken', {}),
    finalReply('Both failed.'),
  ]);
  const agent = createAgent({ name: 'bad-calls', llm: provider, tools: [broken] });
  const result = await agent.run('Try.');
  expect(result.stopReason).toBe('final');
  expect(result.toolCalls.map((c) => c.error)).toEqual([
    { code: 'TOOL_UNKNOWN', message: 'no tool named "missing"; the tools are broken' },
    { code: 'TOOL_FAILED', message: 'failed: disk on fire' },
  ]);
  expect(provider.calls[2]?.messages.at(-1)?.content).toBe('Tool broken error: failed: disk on fire');
  await agent.close();
});
