import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AgentRunResult,
  createAgent,
  defineTool,
  type InterruptedRun,
  type LlamaCppProvider,
  type ToolDefinition,
} from '../src/index';
import { loadTinyModel } from './_interrupts';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();
let provider: LlamaCppProvider;
beforeAll(async () => {
  provider = await loadTinyModel();
});
afterAll(() => provider.close());

/** A tool whose result depends on its arguments only; its `blockAt`-th call waits until aborted. */
function lookupTool(blockAt?: number): { tool: ToolDefinition; busy: Promise<void> } {
  let calls = 0;
  let onBusy = () => {};
  const busy = new Promise<void>((resolve) => {
    onBusy = resolve;
  });
  const tool = defineTool({
    name: 'lookup',
    description: 'Looks a key up. Arguments: any object.',
    parameters: { type: 'object' },
    execute: async (args, { signal }) => {
      calls++;
      if (calls === blockAt) {
        onBusy();
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      }
      return { keys: Object.keys(args as object).length, size: JSON.stringify(args).length };
    },
  });
  return { tool, busy };
}

function agentWith(tool: ToolDefinition, checkpointDir: string) {
  // Greedy with a seed on the tiny model: the same prompt gives the same reply, so runs repeat exactly.
  return createAgent({
    name: 'resume',
    llm: provider,
    tools: [tool],
    toolChoice: 'required',
    budget: { maxSteps: 5 },
    generation: { maxTokens: 96, temperature: 0, seed: 42 },
    checkpointDir,
  });
}

const comparable = (result: AgentRunResult) => ({
  text: result.text,
  stopReason: result.stopReason,
  steps: result.steps,
  usage: result.usage,
  messages: result.messages,
  toolCalls: result.toolCalls.map(({ tool, arguments: args, result: value, error }) => ({
    tool,
    args,
    value,
    error,
  })),
});

it('resumed from its interrupt checkpoint, a run finishes with the result of an uninterrupted run', async () => {
  const straight = agentWith(lookupTool().tool, await tempDir());
  const uninterrupted = await straight.runInterruptible('Look up the three keys.', { sessionId: 'task' });
  expect(uninterrupted.status).toBe('completed');
  if (uninterrupted.status !== 'completed') return;
  expect(uninterrupted.result.toolCalls.length).toBeGreaterThanOrEqual(3);
  await straight.close();

  // The same task, interrupted in its third tool call; then a new agent (as after a restart) resumes it.
  const dir = await tempDir();
  const blocking = lookupTool(3);
  const first = agentWith(blocking.tool, dir);
  const controller = new AbortController();
  const pending = first.runInterruptible('Look up the three keys.', {
    sessionId: 'task',
    signal: controller.signal,
    signals: [],
  });
  await blocking.busy;
  controller.abort();
  const interrupted = (await pending) as InterruptedRun;
  expect(interrupted.status).toBe('interrupted');
  expect(interrupted.checkpoint?.step).toBeGreaterThanOrEqual(2);
  await first.close();

  const second = agentWith(lookupTool().tool, dir);
  const resumed = await second.resume();
  expect(resumed.status).toBe('completed');
  if (resumed.status !== 'completed') return;
  expect(comparable(resumed.result)).toEqual(comparable(uninterrupted.result));
  expect(resumed.result.sessionId).toBe('task');
  // The finished run was recorded in the session's memory, as the uninterrupted one was.
  expect(await (await second.memory()).recent('task', 10)).toEqual([
    { role: 'user', content: 'Look up the three keys.' },
  ]);
  await second.close();
});
