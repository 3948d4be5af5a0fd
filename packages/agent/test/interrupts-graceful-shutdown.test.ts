import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import {
  AgentClosedError,
  type ChatMessage,
  type ConversationMemory,
  createAgent,
  type InterruptedRun,
} from '../src/index';
import { makeGateTool } from './_interrupts';
import { ScriptedProvider, toolCallReply } from './_scripted-provider';

/** A memory the agent opens through its factory (so it owns and closes it), recording its close. */
function recordingMemory(events: string[]): ConversationMemory {
  const turns: ChatMessage[] = [];
  return {
    append: (_s, t) => {
      turns.push(...t);
    },
    recent: () => turns.slice(),
    close: () => {
      events.push('memory closed');
    },
  };
}

it('on a signal: the in-flight tool settles, hooks close a real server, then memory and provider are released', async () => {
  const events: string[] = [];
  const gate = makeGateTool({ fastCalls: 1 });
  const provider = new ScriptedProvider([toolCallReply('fetch_rows', {})]);
  const original = provider.close.bind(provider);
  provider.close = async () => {
    events.push('provider closed');
    await original();
  };
  // A provider the agent resolved would be closed; one passed in is the caller's. Use a factory-made memory.
  const agent = createAgent({
    name: 'graceful',
    llm: provider,
    tools: [gate.tool],
    memory: () => recordingMemory(events),
  });
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  agent.onShutdown('close-server', () => {
    events.push(`tool settled before hooks: ${gate.seen.settled}`);
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const pending = agent.runInterruptible('work');
  await gate.busy();
  process.kill(process.pid, 'SIGINT');
  const run = (await pending) as InterruptedRun;

  expect(run.reason).toMatchObject({ kind: 'signal', signal: 'SIGINT' });
  expect(run.shutdown?.tools).toMatchObject({ inFlight: 1, settled: 1 });
  expect(run.shutdown?.hooks).toEqual([expect.objectContaining({ name: 'close-server', status: 'ok' })]);
  expect(events).toEqual(['tool settled before hooks: true', 'memory closed']);
  expect(provider.closeCalls).toBe(0); // the caller's provider stays open
  expect(server.listening).toBe(false);
  await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  // Stamps in order: fired, detected, stopped.
  expect(run.stamps.detectedAt).toBeGreaterThanOrEqual(run.stamps.firedAt);
  expect(run.stamps.stoppedAt).toBeGreaterThanOrEqual(run.stamps.detectedAt);
  expect(run.timings.shutdownMs).toBeGreaterThanOrEqual(run.timings.detectMs);
  expect(agent.closed).toBe(true);
  await expect(agent.run('again')).rejects.toBeInstanceOf(AgentClosedError);
});

it('a tool that ignores its signal is waited for only toolGraceMs and reported unsettled', async () => {
  const gate = makeGateTool({ ignoreSignal: true });
  const agent = createAgent({
    name: 'stubborn',
    llm: new ScriptedProvider([toolCallReply('fetch_rows', {})]),
    tools: [gate.tool],
  });
  const controller = new AbortController();
  const pending = agent.runInterruptible('work', {
    signal: controller.signal,
    signals: [],
    shutdown: true,
    toolGraceMs: 30,
  });
  await gate.busy();
  controller.abort();
  const run = (await pending) as InterruptedRun;
  expect(gate.seen.aborted).toBe(true);
  expect(run.shutdown?.tools).toMatchObject({ inFlight: 1, settled: 0 });
  expect(agent.closed).toBe(true);
  gate.release();
});
