import { expect, it } from 'vitest';
import { createAgent, defineTool, type ToolCallRequest } from '../src/index';
import { finalReply, ScriptedProvider, toolCallReply } from './_scripted-provider';
import { echoTool } from './_tools';

it('a call the policy denies is a tool error fed back with the reason; allowed calls run', async () => {
  const deleted: string[] = [];
  const deleteFile = defineTool<{ path: string }>({
    name: 'delete_file',
    description: 'Deletes a file.',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
    execute: ({ path }) => {
      deleted.push(path);
      return 'deleted';
    },
  });
  const checked: Array<{ call: ToolCallRequest; sessionId: string }> = [];
  const policy = {
    check: async (call: ToolCallRequest, context: { sessionId: string }) => {
      checked.push({ call, sessionId: context.sessionId });
      return call.tool === 'delete_file'
        ? { allow: false, reason: 'deleting is not allowed' }
        : { allow: true };
    },
  };
  const provider = new ScriptedProvider([
    toolCallReply('delete_file', { path: '/etc/passwd' }),
    toolCallReply('echo', { text: 'hello' }),
    finalReply('Deletion was refused.'),
  ]);
  const agent = createAgent({ name: 'policy', llm: provider, tools: [deleteFile, echoTool], policy });
  const result = await agent.run('Delete /etc/passwd.', { sessionId: 'p1' });

  expect(deleted).toEqual([]);
  expect(result.stopReason).toBe('final');
  expect(result.toolCalls.map(({ tool, result, error }) => ({ tool, result, error }))).toEqual([
    {
      tool: 'delete_file',
      result: undefined,
      error: { code: 'TOOL_DENIED', message: 'denied by policy: deleting is not allowed' },
    },
    { tool: 'echo', result: 'hello', error: undefined },
  ]);
  expect(checked).toEqual([
    { call: { tool: 'delete_file', args: { path: '/etc/passwd' } }, sessionId: 'p1' },
    { call: { tool: 'echo', args: { text: 'hello' } }, sessionId: 'p1' },
  ]);
  expect(provider.calls[1]?.messages.at(-1)?.content).toBe(
    'Tool delete_file error: denied by policy: deleting is not allowed',
  );
  await agent.close();
});
