import { readdir } from 'node:fs/promises';
import { CheckpointStore } from '@kaizen-bench/agent';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import {
  createAgentSubject,
  createExecutionSuite,
  type ExecutionSubject,
  LONG_TASK,
  TASK_STEP_GENERATION,
} from '../src/index';

test('the task saves one durable checkpoint per step; each loads with its step and the last holds the whole task', async () => {
  const subject = createAgentSubject();
  try {
    await subject.prepare({ kind: 'long_running', generation: { ...TASK_STEP_GENERATION }, task: LONG_TASK });
    const run = await subject.runTask!(LONG_TASK, {
      sessionId: 'task-1',
      signal: new AbortController().signal,
    });
    expect(run.steps).toBe(5);
    expect(run.modelCalls).toHaveLength(5);
    expect(run.checkpointIds).toHaveLength(5);
    // Every step's model call was forced into a tool call, and the tool ran.
    expect(run.toolCalls).toBe(5);
    for (const call of run.modelCalls)
      expect(call.options).toMatchObject({ maxTokens: 96, jsonSchema: expect.any(Object) });

    const dir = (await subject.describe!())['checkpoint_dir'] as string;
    const files = (await readdir(dir)).filter((name) => name.endsWith('.ckpt')).sort();
    expect(files.map((name) => name.replace(/\.ckpt$/, ''))).toEqual(run.checkpointIds);
    expect(await subject.listCheckpoints!('task-1')).toEqual(run.checkpointIds);

    // Read back by a separate store, as a resumed process would.
    const store = new CheckpointStore({ dir });
    for (const [index, id] of run.checkpointIds.entries()) {
      expect(await subject.loadCheckpoint!('task-1', id)).toEqual({ step: index + 1 });
      const { state } = await store.load(id);
      expect(state.step).toBe(index + 1);
    }
    const { state: last } = await store.load(run.checkpointIds.at(-1)!);
    // system prompt + per step: input, the model's JSON reply, the tool's result
    expect(last.conversation).toHaveLength(1 + 3 * 5);
    expect(last.conversation.filter((m) => m.content.startsWith('Tool '))).toHaveLength(5);
    const toolCalls = Object.values(last.toolState).map((entry) => (entry as { calls: number }).calls);
    expect(toolCalls.reduce((sum, calls) => sum + calls, 0)).toBe(5);
    expect(last.metadata).toMatchObject({ sessionId: 'task-1', stepsPlanned: 5 });
  } finally {
    await subject.close?.();
  }
}, 60_000);

test('Long-Running fails when a checkpoint the task reported is not in the store', async () => {
  const subject = createAgentSubject();
  // The same subject, except that its store "loses" the task's third checkpoint.
  const lossy: ExecutionSubject = {
    ...subject,
    name: 'lossy store',
    listCheckpoints: async (sessionId) => {
      const ids = await subject.listCheckpoints!(sessionId);
      return ids.filter((_, index) => index !== ids.length - 3);
    },
  };
  const suite = createExecutionSuite({ subject: () => lossy });
  const result = await runSuite(
    { ...suite, benchmarks: suite.benchmarks.slice(2) },
    {
      iterations: 1,
      warmup: 0,
      monitor: false,
    },
  );
  const [long] = result.benchmark_results;
  expect(long?.status).toBe('failed');
  expect(long?.status === 'failed' && long.reason).toMatch(
    /long-running check: checkpoints \d{12}-\S+ are not in the store after the task/,
  );
}, 60_000);
