import { expect, it } from 'vitest';
import { createAgent, DEFAULT_SYSTEM_PROMPT, type TieredMemory } from '../src/index';
import { describeEachBackend } from './_memory-backends';
import { ScriptedProvider } from './_scripted-provider';

describeEachBackend('TieredMemory as the agent memory', (backend) => {
  it('records each run and feeds the history back; the agent closes the memory its factory opened', async () => {
    const provider = new ScriptedProvider(['Paris.', 'Rome.']);
    let opened: TieredMemory | undefined;
    const agent = createAgent({
      name: 'tiered',
      llm: provider,
      memory: async () => {
        opened = await backend.open();
        return opened;
      },
    });
    expect(agent.lazyState().memory).toBe(false);
    await agent.run('Capital of France?', { sessionId: 'u1' });
    const second = await agent.run('And of Italy?', { sessionId: 'u1' });
    expect(second.lastPrompt).toEqual([
      { role: 'system', content: DEFAULT_SYSTEM_PROMPT },
      { role: 'user', content: 'Capital of France?' },
      { role: 'assistant', content: 'Paris.' },
      { role: 'user', content: 'And of Italy?' },
    ]);
    expect(await opened?.recent('u1', 10, { bypassHot: true })).toHaveLength(4);
    await agent.close();
    await expect(opened?.recent('u1', 1)).rejects.toMatchObject({ code: 'MEMORY_CLOSED' });

    // The turns are in the database: a new agent on it continues the conversation.
    const next = createAgent({
      name: 'tiered-2',
      llm: new ScriptedProvider(['Ok.']),
      memory: () => backend.open(),
    });
    const third = await next.run('Thanks', { sessionId: 'u1' });
    expect(third.lastPrompt.slice(1, 3)).toEqual([
      { role: 'user', content: 'Capital of France?' },
      { role: 'assistant', content: 'Paris.' },
    ]);
    await next.close();
  });
});
