import { expect, it } from 'vitest';
import { createAgent, createRunInterrupt, type InterruptedRun, listenForSignals } from '../src/index';
import { makeGateTool } from './_interrupts';
import { finalReply, ScriptedProvider, toolCallReply } from './_scripted-provider';

const counts = () => ({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') });

it('SIGINT/SIGTERM handlers exist only while a run is active, however it ends, across many runs', async () => {
  const before = counts();
  const during: Array<ReturnType<typeof counts>> = [];
  const gate = makeGateTool();
  const provider = new ScriptedProvider([
    (messages) => {
      during.push(counts());
      // Odd runs answer at once; even runs call the long tool (interrupted below).
      return messages.at(-1)?.content === 'answer' ? finalReply('ok') : toolCallReply('fetch_rows', {});
    },
  ]);
  const agent = createAgent({ name: 'listeners', llm: provider, tools: [gate.tool] });
  for (let i = 0; i < 10; i++) {
    expect(await agent.runInterruptible('answer')).toMatchObject({ status: 'completed' });
    expect(counts()).toEqual(before);

    gate.reset();
    const controller = new AbortController();
    const pending = agent.runInterruptible('work', { signal: controller.signal });
    await gate.busy();
    controller.abort();
    expect((await pending).status).toBe('interrupted');
    expect(counts()).toEqual(before);
  }
  expect(during).toHaveLength(20);
  for (const seen of during) expect(seen).toEqual({ SIGINT: before.SIGINT + 1, SIGTERM: before.SIGTERM + 1 });
  await agent.close();
});

it('a run that fails, and a run interrupted by a signal, leave no handler either', async () => {
  const before = counts();
  const failing = createAgent({
    name: 'fails',
    llm: new ScriptedProvider([
      () => {
        throw new Error('model server down');
      },
    ]),
  });
  await expect(failing.runInterruptible('hi')).rejects.toThrow('model server down');
  expect(counts()).toEqual(before);

  const gate = makeGateTool();
  const agent = createAgent({
    name: 'signalled',
    llm: new ScriptedProvider([toolCallReply('fetch_rows', {})]),
    tools: [gate.tool],
  });
  const pending = agent.runInterruptible('work', { shutdown: false });
  await gate.busy();
  process.kill(process.pid, 'SIGTERM');
  const run = (await pending) as InterruptedRun;
  expect(run.reason).toMatchObject({ kind: 'signal', signal: 'SIGTERM' });
  expect(counts()).toEqual(before);
  await agent.close();
});

it('the first signal removes every handler once its listeners ran; signals: [] installs none', async () => {
  const before = counts();
  const seen: string[] = [];
  const remove = listenForSignals(['SIGINT', 'SIGTERM'], (signal) => seen.push(signal));
  expect(counts()).toEqual({ SIGINT: before.SIGINT + 1, SIGTERM: before.SIGTERM + 1 });
  // A listener installed after ours, like signal-exit's when node-llama-cpp loads during a run: it re-raises
  // the signal (killing the process) when it sees no other listener. Ours must still be there when it runs.
  let othersSeen = -1;
  const signalExitLike = () => {
    othersSeen = process.listenerCount('SIGINT');
  };
  process.on('SIGINT', signalExitLike);
  process.emit('SIGINT', 'SIGINT');
  expect(seen).toEqual(['SIGINT']);
  expect(othersSeen).toBe(before.SIGINT + 2);
  await Promise.resolve();
  // Gone right after: a second Ctrl-C is not swallowed by this listener.
  expect(counts()).toEqual({ SIGINT: before.SIGINT + 1, SIGTERM: before.SIGTERM });
  process.removeListener('SIGINT', signalExitLike);
  expect(seen).toEqual(['SIGINT']);
  remove();
  expect(counts()).toEqual(before);

  const none = createRunInterrupt({ signals: [] });
  expect(counts()).toEqual(before);
  none.dispose();
  const some = createRunInterrupt({ timeoutMs: 60_000 });
  expect(counts()).toEqual({ SIGINT: before.SIGINT + 1, SIGTERM: before.SIGTERM + 1 });
  some.dispose();
  expect(counts()).toEqual(before);
});
