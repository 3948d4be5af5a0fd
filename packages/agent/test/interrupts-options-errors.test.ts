import { expect, it } from 'vitest';
import {
  type AgentState,
  CHECKPOINT_SCHEMA_VERSION,
  createAgent,
  createRunInterrupt,
  InterruptBudget,
  InterruptCheckpointError,
  InterruptOptionsError,
} from '../src/index';
import { ScriptedProvider } from './_scripted-provider';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

it('bad interrupt options are refused before the run starts, naming the option', async () => {
  const provider = new ScriptedProvider(['hi']);
  const agent = createAgent({ name: 'opts', llm: provider });
  const bad: Array<[object, RegExp]> = [
    [{ timeoutMs: 0 }, /timeoutMs must be a positive number/],
    [{ signals: ['SIGKILL'] }, /signals lists SIGKILL, which no process can catch/],
    [{ signals: 'SIGINT' }, /signals must be an array of signal names/],
    [{ shutdown: ['later'] }, /shutdown must be true, false or a list of signal, abort, timeout, budget/],
    [{ hookTimeoutMs: -1 }, /hookTimeoutMs must be a positive number/],
    [{ checkpoint: true }, /checkpoint is true but the agent has no checkpointDir/],
  ];
  for (const [options, message] of bad) {
    const error = await agent.runInterruptible('hi', options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptOptionsError);
    expect(error).toMatchObject({ code: 'INTERRUPT_INVALID_OPTIONS', message });
  }
  expect(provider.calls).toHaveLength(0);
  expect(() => new InterruptBudget({ limit: Number.NaN })).toThrow(/budget.limit must be a finite number/);
  expect(() => new InterruptBudget({ limit: 1 }).charge(-1)).toThrow(InterruptOptionsError);
  expect(() => createRunInterrupt({ timeoutMs: Number.POSITIVE_INFINITY })).toThrow(InterruptOptionsError);
  expect(() => agent.onShutdown('', () => {})).toThrow(/onShutdown\(name\) must be a non-empty string/);
  await agent.close();
});

it('resume refuses a state that is not an interrupted run, and an id without a checkpointDir', async () => {
  const agent = createAgent({
    name: 'resume-errors',
    llm: new ScriptedProvider(['hi']),
    checkpointDir: await tempDir(),
  });
  const foreign: AgentState = {
    schemaVersion: CHECKPOINT_SCHEMA_VERSION,
    conversation: [],
    memory: [],
    step: 0,
    budget: { maxTokens: 0, usedTokens: 0, maxSteps: 1, maxCostUsd: 0, usedCostUsd: 0 },
    toolState: {},
    metadata: { kind: 'something-else' },
  };
  await expect(agent.resume(foreign)).rejects.toBeInstanceOf(InterruptCheckpointError);
  await expect(agent.resume(foreign)).rejects.toMatchObject({
    code: 'INTERRUPT_CHECKPOINT_INVALID',
    message: /metadata.kind is "something-else"/,
  });
  await expect(agent.resume()).rejects.toMatchObject({ code: 'CHECKPOINT_NOT_FOUND' });
  const noDir = createAgent({ name: 'no-dir', llm: new ScriptedProvider(['hi']) });
  await expect(noDir.resume('000000000001-x')).rejects.toMatchObject({ code: 'INTERRUPT_INVALID_OPTIONS' });
  await agent.close();
  await noDir.close();
});
