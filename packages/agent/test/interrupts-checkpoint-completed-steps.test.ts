import { expect, it } from 'vitest';
import {
  type AgentState,
  CheckpointStore,
  createAgent,
  INTERRUPT_CHECKPOINT_KIND,
  type InterruptedRun,
  resumePointFromState,
} from '../src/index';
import { makeGateTool } from './_interrupts';
import { ScriptedProvider, toolCallReply } from './_scripted-provider';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

it('interrupted in its third tool, a run checkpoints exactly its two completed steps, durably', async () => {
  const dir = await tempDir();
  const gate = makeGateTool({ fastCalls: 2 });
  const provider = new ScriptedProvider([
    toolCallReply('fetch_rows', { page: 1 }),
    toolCallReply('fetch_rows', { page: 2 }),
    toolCallReply('fetch_rows', { page: 3 }),
  ]);
  const agent = createAgent({ name: 'ckpt', llm: provider, tools: [gate.tool], checkpointDir: dir });
  const controller = new AbortController();
  const pending = agent.runInterruptible('Fetch all pages.', {
    signal: controller.signal,
    signals: [],
    sessionId: 's1',
  });
  await gate.busy();
  controller.abort();
  const run = (await pending) as InterruptedRun;
  expect(run.checkpointError).toBeUndefined();
  expect(run.checkpoint).toMatchObject({ step: 2 });
  expect(run.stamps.checkpointedAt).toBeGreaterThanOrEqual(run.stamps.detectedAt);

  // Read back by a fresh store, as after a restart.
  const loaded = await new CheckpointStore({ dir }).load();
  expect(loaded.id).toBe(run.checkpoint?.id);
  const state: AgentState = loaded.state;
  expect(state.step).toBe(2);
  expect(state.metadata).toMatchObject({
    kind: INTERRUPT_CHECKPOINT_KIND,
    input: 'Fetch all pages.',
    sessionId: 's1',
    interrupt: { kind: 'abort' },
  });
  const prompt = provider.calls[0]?.messages ?? [];
  // The prompt, then per completed step the model's tool call and the tool's result; the third step (its
  // reply and its unfinished tool) is nowhere.
  expect(state.conversation.map(({ role, content }) => ({ role, content }))).toEqual([
    ...prompt,
    { role: 'assistant', content: toolCallReply('fetch_rows', { page: 1 }) },
    { role: 'user', content: 'Tool fetch_rows result: {"row":1}' },
    { role: 'assistant', content: toolCallReply('fetch_rows', { page: 2 }) },
    { role: 'user', content: 'Tool fetch_rows result: {"row":2}' },
  ]);
  expect(JSON.stringify(state)).not.toContain('"page":3');
  const point = resumePointFromState(state);
  expect(point.progress.toolCalls.map((c) => [c.arguments, c.result])).toEqual([
    [{ page: 1 }, { row: 1 }],
    [{ page: 2 }, { row: 2 }],
  ]);
  expect(point.progress.usage).toEqual({ promptTokens: 20, completionTokens: 10 });
  expect(state.toolState).toEqual({ fetch_rows: { calls: 2, failures: 0 } });
  await agent.close();
});

it('interrupted while the model generates, the step in progress is dropped whole', async () => {
  const dir = await tempDir();
  const gate = makeGateTool({ fastCalls: 5 });
  const controller = new AbortController();
  const provider = new ScriptedProvider([
    toolCallReply('fetch_rows', {}),
    (_messages, options) =>
      new Promise<string>((_, reject) => {
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        controller.abort();
      }),
  ]);
  const agent = createAgent({ name: 'ckpt-gen', llm: provider, tools: [gate.tool], checkpointDir: dir });
  const run = (await agent.runInterruptible('go', {
    signal: controller.signal,
    signals: [],
  })) as InterruptedRun;
  expect(run.status).toBe('interrupted');
  const { state } = await new CheckpointStore({ dir }).load();
  expect(state.step).toBe(1);
  expect(state.conversation.filter((m) => m.role === 'assistant')).toHaveLength(1);
  await agent.close();
});

it('checkpoint: false saves nothing; no checkpointDir means no checkpoint by default', async () => {
  const dir = await tempDir();
  for (const [options, hasDir] of [
    [{ checkpoint: false }, true],
    [{}, false],
  ] as const) {
    const gate = makeGateTool();
    const agent = createAgent({
      name: 'no-ckpt',
      llm: new ScriptedProvider([toolCallReply('fetch_rows', {})]),
      tools: [gate.tool],
      ...(hasDir ? { checkpointDir: dir } : {}),
    });
    const controller = new AbortController();
    const pending = agent.runInterruptible('go', { ...options, signal: controller.signal, signals: [] });
    await gate.busy();
    controller.abort();
    const run = (await pending) as InterruptedRun;
    expect(run.checkpoint).toBeUndefined();
    expect(run.stamps.checkpointedAt).toBeUndefined();
    await agent.close();
  }
  expect(await new CheckpointStore({ dir }).list()).toEqual([]);
});
