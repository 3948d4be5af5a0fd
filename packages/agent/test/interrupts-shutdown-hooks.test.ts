import { expect, it } from 'vitest';
import { createAgent, type InterruptedRun } from '../src/index';
import { makeGateTool } from './_interrupts';
import { ScriptedProvider, toolCallReply } from './_scripted-provider';

it('hooks run newest first; a hung hook times out and is reported, a failing one too; the rest still run', async () => {
  const agent = createAgent({ name: 'hooks', llm: new ScriptedProvider(['hi']) });
  const order: string[] = [];
  let hungSignal: AbortSignal | undefined;
  agent.onShutdown('first', () => {
    order.push('first');
  });
  agent.onShutdown(
    'hangs',
    ({ signal }) => {
      order.push('hangs');
      hungSignal = signal;
      return new Promise(() => {});
    },
    { timeoutMs: 50 },
  );
  agent.onShutdown('throws', () => {
    order.push('throws');
    throw new Error('flush failed\nstack...');
  });
  const unregister = agent.onShutdown('removed', () => {
    order.push('removed');
  });
  agent.onShutdown('last', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    order.push('last');
  });
  unregister();

  const report = await agent.shutdown({ hookTimeoutMs: 5000 });
  expect(order).toEqual(['last', 'throws', 'hangs', 'first']);
  expect(report.hooks.map(({ name, status, error }) => ({ name, status, error }))).toEqual([
    { name: 'last', status: 'ok', error: undefined },
    { name: 'throws', status: 'failed', error: 'flush failed' },
    { name: 'hangs', status: 'timed_out', error: 'timed out after 50 ms' },
    { name: 'first', status: 'ok', error: undefined },
  ]);
  // The hung hook was told its time was up; the shutdown went on without it (its promise never settles).
  expect(hungSignal?.aborted).toBe(true);
  expect(agent.closed).toBe(true);
  // Once: a second call gets the same report, no hook runs again.
  expect(await agent.shutdown()).toBe(report);
  expect(order).toHaveLength(4);
});

it('an interrupt that shuts down passes its reason to the hooks; one that does not leaves them', async () => {
  const gate = makeGateTool();
  const agent = createAgent({
    name: 'hooks-interrupt',
    llm: new ScriptedProvider([toolCallReply('fetch_rows', {})]),
    tools: [gate.tool],
  });
  const reasons: unknown[] = [];
  agent.onShutdown('record', ({ reason }) => {
    reasons.push(reason?.kind);
  });
  const first = new AbortController();
  const pending = agent.runInterruptible('work', { signal: first.signal, signals: [] });
  await gate.busy();
  first.abort();
  const stopped = (await pending) as InterruptedRun;
  expect(stopped.shutdown).toBeUndefined();
  expect(reasons).toEqual([]);
  expect(agent.closed).toBe(false);

  gate.reset();
  const second = new AbortController();
  const again = agent.runInterruptible('work', { signal: second.signal, signals: [], shutdown: ['abort'] });
  await gate.busy();
  second.abort();
  const shut = (await again) as InterruptedRun;
  expect(shut.shutdown?.hooks).toEqual([expect.objectContaining({ name: 'record', status: 'ok' })]);
  expect(reasons).toEqual(['abort']);
  expect(agent.closed).toBe(true);
});
