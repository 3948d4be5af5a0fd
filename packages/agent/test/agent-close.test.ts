import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AgentClosedError,
  type ConversationMemory,
  createAgent,
  defineTool,
  ensureTinyModel,
  InProcessMemory,
  LlamaCppProvider,
  ProviderClosedError,
} from '../src/index';
import { ScriptedProvider, toolCallReply } from './_scripted-provider';

const hi = [{ role: 'user' as const, content: 'Hi' }];

it('closes the provider it resolved and the memory it opened, once; afterwards everything rejects', async () => {
  let memoryCloses = 0;
  const agent = createAgent({
    name: 'owner',
    llm: { llm: 'embedded', threads: 1 },
    memory: () => Object.assign(new InProcessMemory(), { close: () => void memoryCloses++ }),
    generation: { maxTokens: 4 },
  });
  await agent.run('Hi');
  const provider = await agent.provider();

  const closing = agent.close();
  expect(agent.closed).toBe(true);
  expect(agent.close()).toBe(closing);
  await closing;
  await agent.close();

  expect(memoryCloses).toBe(1);
  await expect(provider.chat(hi, { maxTokens: 2 })).rejects.toBeInstanceOf(ProviderClosedError);
  await expect(agent.run('Hi')).rejects.toBeInstanceOf(AgentClosedError);
  await expect(agent.run('Hi')).rejects.toMatchObject({ code: 'AGENT_CLOSED' });
  await expect(agent.provider()).rejects.toBeInstanceOf(AgentClosedError);
  await expect(agent.initialize()).rejects.toBeInstanceOf(AgentClosedError);
});

let callerModel: LlamaCppProvider;
beforeAll(async () => {
  callerModel = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
});
afterAll(() => callerModel.close());

it('leaves a provider and a memory instance the caller passed open', async () => {
  let memoryCloses = 0;
  const memory: ConversationMemory = Object.assign(new InProcessMemory(), {
    close: () => void memoryCloses++,
  });
  const agent = createAgent({ name: 'borrower', llm: callerModel, memory, generation: { maxTokens: 4 } });
  await agent.run('Hi');
  await agent.close();
  expect(memoryCloses).toBe(0);
  expect((await callerModel.chat(hi, { maxTokens: 2, temperature: 0 })).completionTokens).toBe(2);
});

it('closing an unused agent initializes nothing', async () => {
  let factoryCalls = 0;
  const provider = new ScriptedProvider(['x']);
  const agent = createAgent({
    name: 'unused',
    llm: provider,
    memory: () => {
      factoryCalls++;
      return new InProcessMemory();
    },
  });
  await agent.close();
  expect(factoryCalls).toBe(0);
  expect(provider.closeCalls).toBe(0);
  expect(agent.lazyState()).toEqual({ provider: false, tools: false, memory: false, checkpoints: false });
});

it('a run in progress rejects with AgentClosedError when the agent closes', async () => {
  let started!: () => void;
  const toolStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  const wait = defineTool({
    name: 'wait',
    description: 'Waits until aborted.',
    parameters: { type: 'object' },
    execute: (_args, { signal }) =>
      new Promise((resolve) => {
        signal.addEventListener('abort', () => resolve('aborted'));
        started();
      }),
  });
  const agent = createAgent({
    name: 'closing',
    llm: new ScriptedProvider([toolCallReply('wait', {})]),
    tools: [wait],
  });
  const pending = agent.run('Wait.');
  await toolStarted;
  await agent.close();
  await expect(pending).rejects.toBeInstanceOf(AgentClosedError);
});
