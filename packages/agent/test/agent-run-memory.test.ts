import { afterAll, expect, it } from 'vitest';
import { createAgent, DEFAULT_SYSTEM_PROMPT } from '../src/index';
import { ScriptedProvider } from './_scripted-provider';

// The real generated tiny model, resolved by the agent itself.
const agent = createAgent({
  name: 'memory-test',
  llm: { llm: 'embedded', threads: 1 },
  generation: { maxTokens: 12, temperature: 0 },
});
afterAll(() => agent.close());

const system = { role: 'system', content: DEFAULT_SYSTEM_PROMPT };

it('answers with the real model, records both turns, and the next run of the session sees them', async () => {
  const first = await agent.run('What is the capital of France?', { sessionId: 's1' });
  expect(first.stopReason).toBe('final');
  expect(first.steps).toBe(1);
  expect(first.text.length).toBeGreaterThan(0);
  expect(first.usage.completionTokens).toBeGreaterThan(0);
  expect(first.usage.completionTokens).toBeLessThanOrEqual(12);
  expect(first.lastPrompt).toEqual([system, { role: 'user', content: 'What is the capital of France?' }]);
  expect(first.lastChatOptions).toEqual({ maxTokens: 12, temperature: 0 });

  const memory = await agent.memory();
  expect(await memory.recent('s1', 10)).toEqual([
    { role: 'user', content: 'What is the capital of France?' },
    { role: 'assistant', content: first.text },
  ]);

  const second = await agent.run('And of Italy?', { sessionId: 's1' });
  expect(second.lastPrompt).toEqual([
    system,
    { role: 'user', content: 'What is the capital of France?' },
    { role: 'assistant', content: first.text },
    { role: 'user', content: 'And of Italy?' },
  ]);
  expect(second.messages).toEqual([...second.lastPrompt, { role: 'assistant', content: second.text }]);

  // Another session starts empty.
  const other = await agent.run('Hello', { sessionId: 's2' });
  expect(other.lastPrompt).toEqual([system, { role: 'user', content: 'Hello' }]);
});

it('puts only the last historyTurns turns into the prompt, and uses the default session', async () => {
  const provider = new ScriptedProvider(['one', 'two', 'three']);
  const scripted = createAgent({
    name: 'history',
    llm: provider,
    historyTurns: 2,
    systemPrompt: 'Be terse.',
  });
  await scripted.run('first');
  await scripted.run('second');
  const third = await scripted.run('third');
  expect(third.sessionId).toBe('default');
  expect(third.lastPrompt).toEqual([
    { role: 'system', content: 'Be terse.' },
    { role: 'user', content: 'second' },
    { role: 'assistant', content: 'two' },
    { role: 'user', content: 'third' },
  ]);
  // Without tools the reply is not forced into JSON.
  expect(provider.calls[0]?.options.jsonSchema).toBeUndefined();
  await scripted.close();
});
