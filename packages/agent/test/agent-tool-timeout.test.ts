import { expect, it } from 'vitest';
import { createAgent, defineTool } from '../src/index';
import { finalReply, ScriptedProvider, toolCallReply } from './_scripted-provider';

it('a tool past its timeoutMs is aborted and the model gets a timeout error, then the run goes on', async () => {
  let seenReason: unknown;
  const slow = defineTool({
    name: 'slow',
    description: 'Waits until aborted.',
    parameters: { type: 'object' },
    timeoutMs: 50,
    execute: (_args, { signal }) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          seenReason = signal.reason;
          reject(signal.reason);
        });
      }),
  });
  const provider = new ScriptedProvider([toolCallReply('slow', {}), finalReply('It timed out.')]);
  const agent = createAgent({ name: 'timeout', llm: provider, tools: [slow] });
  const result = await agent.run('Try the slow tool.');
  expect(result).toMatchObject({ stopReason: 'final', text: 'It timed out.', steps: 2 });
  expect(result.toolCalls).toEqual([
    {
      tool: 'slow',
      arguments: {},
      error: { code: 'TOOL_TIMEOUT', message: 'timed out after 50 ms' },
      durationMs: expect.any(Number),
    },
  ]);
  expect(seenReason).toMatchObject({ name: 'TimeoutError' });
  expect(provider.calls[1]?.messages.at(-1)).toEqual({
    role: 'user',
    content: 'Tool slow error: timed out after 50 ms',
  });
  await agent.close();
});

it('a tool that ignores its signal still times out', async () => {
  const stubborn = defineTool({
    name: 'stubborn',
    description: 'Never finishes.',
    parameters: { type: 'object' },
    timeoutMs: 30,
    execute: () => new Promise(() => {}),
  });
  const agent = createAgent({
    name: 'timeout-ignored',
    llm: new ScriptedProvider([toolCallReply('stubborn', {}), finalReply('done')]),
    tools: [stubborn],
  });
  const result = await agent.run('Go.');
  expect(result.toolCalls[0]?.error?.code).toBe('TOOL_TIMEOUT');
  expect(result.stopReason).toBe('final');
  await agent.close();
});
