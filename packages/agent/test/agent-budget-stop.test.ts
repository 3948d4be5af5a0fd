import { afterAll, expect, it } from 'vitest';
import { createAgent } from '../src/index';
import { ScriptedProvider, toolCallReply } from './_scripted-provider';
import { echoTool } from './_tools';

it('stops at budget.maxSteps with stopReason max_steps, not an error', async () => {
  const provider = new ScriptedProvider([toolCallReply('echo', { text: 'again' })]);
  const agent = createAgent({ name: 'loop', llm: provider, tools: [echoTool], budget: { maxSteps: 3 } });
  const result = await agent.run('Loop forever.', { sessionId: 'steps' });
  expect(result).toMatchObject({ stopReason: 'max_steps', steps: 3, text: '' });
  expect(provider.calls).toHaveLength(3);
  expect(result.toolCalls.map((c) => c.result)).toEqual(['again', 'again', 'again']);
  // No answer came: only the user turn is recorded.
  expect(await (await agent.memory()).recent('steps', 10)).toEqual([
    { role: 'user', content: 'Loop forever.' },
  ]);
  await agent.close();
});

it('stops when budget.maxTokens is spent, capping each call at what is left', async () => {
  // Every scripted call costs 40 prompt + 10 completion tokens.
  const provider = new ScriptedProvider([toolCallReply('echo', { text: 'x' })], {
    prompt: 40,
    completion: 10,
  });
  const agent = createAgent({
    name: 'tokens',
    llm: provider,
    tools: [echoTool],
    budget: { maxSteps: 10, maxTokens: 120 },
    generation: { maxTokens: 64 },
  });
  const result = await agent.run('Spend.');
  expect(result).toMatchObject({ stopReason: 'max_tokens', steps: 3 });
  expect(result.usage).toEqual({ promptTokens: 120, completionTokens: 30 });
  // 120 left, then 70, then 20: the per-call limit is the smaller of generation.maxTokens and the rest.
  expect(provider.calls.map((c) => c.options.maxTokens)).toEqual([64, 64, 20]);
  await agent.close();
});

const tiny = createAgent({
  name: 'tiny-budget',
  llm: { llm: 'embedded', threads: 1 },
  budget: { maxTokens: 40 },
  generation: { temperature: 0 },
});
afterAll(() => tiny.close());

it('with the real model, a reply cut by the token budget stops with max_tokens', async () => {
  const result = await tiny.run('Write a long story.');
  expect(result.stopReason).toBe('max_tokens');
  expect(result.steps).toBe(1);
  expect(result.lastChatOptions.maxTokens).toBe(40);
  expect(result.usage.completionTokens).toBe(40);
  expect(result.text.length).toBeGreaterThan(0);
});
