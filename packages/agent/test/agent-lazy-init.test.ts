import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  AgentConfigError,
  CheckpointStore,
  type ConversationMemory,
  createAgent,
  InProcessMemory,
  LlamaCppProvider,
} from '../src/index';
import { finalReply, ScriptedProvider, toolCallReply } from './_scripted-provider';
import { useTempDirs } from './_temp-dir';
import { echoTool, makeAddTool } from './_tools';

const tempDir = useTempDirs();
const NOTHING = { provider: false, tools: false, memory: false, checkpoints: false };

function countingMemoryFactory() {
  const counter = { calls: 0 };
  const factory = (): ConversationMemory => {
    counter.calls++;
    return new InProcessMemory();
  };
  return { counter, factory };
}

it('construction initializes nothing; initialize() does every part, timing each, once', async () => {
  const dir = join(await tempDir(), 'checkpoints');
  const { counter, factory } = countingMemoryFactory();
  const agent = createAgent({
    name: 'lazy',
    llm: { llm: 'embedded', threads: 1 },
    tools: [makeAddTool().tool, echoTool],
    memory: factory,
    checkpointDir: dir,
  });
  expect(agent.lazyState()).toEqual(NOTHING);
  expect(counter.calls).toBe(0);

  const timings = await agent.initialize();
  expect(Object.keys(timings).sort()).toEqual(['checkpoints', 'memory', 'provider', 'tools']);
  for (const ms of Object.values(timings)) expect(ms).toBeGreaterThan(0);
  expect(agent.lazyState()).toEqual({ provider: true, tools: true, memory: true, checkpoints: true });
  expect(counter.calls).toBe(1);
  const provider = await agent.provider();
  expect(provider).toBeInstanceOf(LlamaCppProvider);
  expect((provider as LlamaCppProvider).loaded).toBe(true);
  const store = await agent.checkpoints();
  expect(store).toBeInstanceOf(CheckpointStore);
  expect(store.dir).toBe(dir);
  expect(store.stats.directoryListings).toBe(1);
  await expect(access(dir)).rejects.toThrow(); // opening the store creates nothing on disk

  // Already initialized: 0 each, nothing redone.
  expect(await agent.initialize()).toEqual({ provider: 0, tools: 0, memory: 0, checkpoints: 0 });
  expect(counter.calls).toBe(1);
  expect(await agent.checkpoints()).toBe(store);
  await agent.close();
});

it('initialize(parts) does only those; parts that do not apply are skipped and absent', async () => {
  const agent = createAgent({ name: 'subset', llm: new ScriptedProvider(['hi']) });
  const timings = await agent.initialize(['memory', 'tools', 'checkpoints']);
  expect(Object.keys(timings)).toEqual(['memory']);
  expect(agent.lazyState()).toEqual({ ...NOTHING, memory: true });
  expect(Object.keys(await agent.initialize())).toEqual(['provider', 'memory']);
  await expect(agent.checkpoints()).rejects.toBeInstanceOf(AgentConfigError);
  await agent.close();
});

it('a run initializes provider and memory; tool validators compile on the first tool call', async () => {
  const { counter, factory } = countingMemoryFactory();
  const provider = new ScriptedProvider([
    finalReply('hello'),
    toolCallReply('echo', { text: 'x' }),
    finalReply('ok'),
  ]);
  const agent = createAgent({ name: 'first-use', llm: provider, tools: [echoTool], memory: factory });
  const first = await agent.run('Hi');
  expect(first.toolCalls).toEqual([]); // the model answered without a tool
  expect(agent.lazyState()).toEqual({ ...NOTHING, provider: true, memory: true });
  expect(first.timings.initMs).toBeGreaterThan(0);
  await agent.run('Echo x');
  expect(agent.lazyState().tools).toBe(true);
  expect(counter.calls).toBe(1);
  // A later run pays no initialization.
  expect((await agent.run('Again')).timings.initMs).toBe(0);
  await agent.close();
});
