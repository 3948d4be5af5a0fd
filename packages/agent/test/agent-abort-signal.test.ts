import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AgentAbortError,
  type ChatMessage,
  type ChatOptions,
  createAgent,
  defineTool,
  ensureTinyModel,
  LlamaCppProvider,
  type LlmProvider,
} from '../src/index';
import { ScriptedProvider, toolCallReply } from './_scripted-provider';

/** A tool that waits until aborted, reporting when it started and what abort reason it saw. */
function makeSlowTool(options: { ignoreSignal?: boolean } = {}) {
  let started!: () => void;
  const startedPromise = new Promise<void>((resolve) => {
    started = resolve;
  });
  const seen: { reason?: unknown } = {};
  const tool = defineTool({
    name: 'slow',
    description: 'Takes a long time.',
    parameters: { type: 'object' },
    execute: (_args, { signal }) =>
      new Promise((resolve) => {
        signal.addEventListener('abort', () => {
          seen.reason = signal.reason;
          if (!options.ignoreSignal) resolve('stopped');
        });
        started();
      }),
  });
  return { tool, started: startedPromise, seen };
}

it('aborting during a tool aborts the tool and rejects the run with AgentAbortError', async () => {
  const slow = makeSlowTool();
  const provider = new ScriptedProvider([toolCallReply('slow', {})]);
  const agent = createAgent({ name: 'abort-tool', llm: provider, tools: [slow.tool] });
  const controller = new AbortController();
  const reason = new Error('user pressed stop');
  const pending = agent.run('Do the slow thing.', { signal: controller.signal, sessionId: 'a' });
  await slow.started;
  controller.abort(reason);
  const error = await pending.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AgentAbortError);
  expect(error).toMatchObject({ code: 'AGENT_ABORTED', name: 'AbortError', cause: reason });
  expect(slow.seen.reason).toBe(reason);
  expect(provider.calls).toHaveLength(1); // no step after the abort
  expect(await (await agent.memory()).recent('a', 10)).toEqual([]); // an aborted run records nothing
  await agent.close();
});

it('a tool that ignores the signal cannot hold an aborted run', async () => {
  const slow = makeSlowTool({ ignoreSignal: true });
  const agent = createAgent({
    name: 'stubborn',
    llm: new ScriptedProvider([toolCallReply('slow', {})]),
    tools: [slow.tool],
  });
  const controller = new AbortController();
  const pending = agent.run('Do it.', { signal: controller.signal });
  await slow.started;
  controller.abort();
  await expect(pending).rejects.toBeInstanceOf(AgentAbortError);
  expect(slow.seen.reason).toBeInstanceOf(DOMException);
  await agent.close();
});

it('an already aborted signal rejects before anything is initialized or called', async () => {
  const provider = new ScriptedProvider(['never']);
  const memoryFactory = { calls: 0 };
  const agent = createAgent({
    name: 'pre-aborted',
    llm: provider,
    memory: () => {
      memoryFactory.calls++;
      return { append() {}, recent: () => [] };
    },
  });
  const reason = new Error('already stopped');
  await expect(agent.run('Hi', { signal: AbortSignal.abort(reason) })).rejects.toMatchObject({
    code: 'AGENT_ABORTED',
    cause: reason,
  });
  expect(provider.calls).toHaveLength(0);
  expect(memoryFactory.calls).toBe(0);
  expect(agent.lazyState()).toEqual({ provider: false, tools: false, memory: false, checkpoints: false });
  await agent.close();
});

let tinyModel: LlamaCppProvider;
beforeAll(async () => {
  tinyModel = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
  await tinyModel.load();
});
afterAll(() => tinyModel.close());

it('aborting during generation with the real model stops it within a few tokens', async () => {
  const controller = new AbortController();
  const reason = new Error('stop generating');
  let chunks = 0;
  let chunksAtAbort = 0;
  // The real provider, with a hook that aborts the run once generation is under way.
  const watched: LlmProvider = {
    chat: (messages: ChatMessage[], options?: ChatOptions) =>
      tinyModel.chat(messages, {
        ...options,
        onText: () => {
          chunks++;
          if (chunks === 3) {
            chunksAtAbort = chunks;
            controller.abort(reason);
          }
        },
      }),
    embed: (texts) => tinyModel.embed(texts),
    info: () => tinyModel.info(),
    close: async () => {},
  };
  const agent = createAgent({
    name: 'abort-llm',
    llm: watched,
    generation: { maxTokens: 1500, temperature: 0 },
  });
  const error = await agent.run('Write forever.', { signal: controller.signal }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AgentAbortError);
  expect((error as AgentAbortError).cause).toBe(reason);
  expect(chunks - chunksAtAbort).toBeLessThan(50); // 1500 tokens were allowed
  await agent.close();
  // Generation really stopped: the model is free again for the next call.
  const next = await tinyModel.chat([{ role: 'user', content: 'Hi' }], { maxTokens: 8, temperature: 0 });
  expect(next.completionTokens).toBe(8);
});
