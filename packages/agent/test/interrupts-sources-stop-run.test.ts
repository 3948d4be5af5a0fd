import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createAgent,
  InterruptBudget,
  type InterruptedRun,
  type LlamaCppProvider,
  type LlmProvider,
} from '../src/index';
import { loadTinyModel, makeGateTool } from './_interrupts';

// Every source stops a real run on the tiny model inside its long step: the model called the tool twice, the
// third call is waiting on I/O when the source fires.
let provider: LlamaCppProvider;
beforeAll(async () => {
  provider = await loadTinyModel();
});
afterAll(() => provider.close());

function makeAgent(gate: ReturnType<typeof makeGateTool>) {
  return createAgent({
    name: 'interrupt-sources',
    llm: provider,
    tools: [gate.tool],
    toolChoice: 'required',
    budget: { maxSteps: 6 },
    generation: { maxTokens: 96, temperature: 0, seed: 42 },
  });
}

function expectStoppedInTheLongStep(
  out: Awaited<ReturnType<ReturnType<typeof makeAgent>['runInterruptible']>>,
  gate: ReturnType<typeof makeGateTool>,
) {
  expect(out.status).toBe('interrupted');
  const run = out as InterruptedRun;
  // The long tool was told to stop and did; the steps before it are the run's progress.
  expect(gate.seen.aborted).toBe(true);
  expect(run.progress.toolCalls.map((c) => c.result)).toEqual([{ row: 1 }, { row: 2 }]);
  expect(run.stamps.detectedAt).toBeGreaterThanOrEqual(run.stamps.firedAt);
  expect(run.timings.detectMs).toBeGreaterThanOrEqual(0);
  return run;
}

it('a caller abort stops the run inside the long tool and is returned, not thrown', async () => {
  const gate = makeGateTool({ fastCalls: 2 });
  const agent = makeAgent(gate);
  const controller = new AbortController();
  const pending = agent.runInterruptible('Fetch every row.', { signal: controller.signal, signals: [] });
  await gate.busy();
  controller.abort(new Error('user pressed stop'));
  const run = expectStoppedInTheLongStep(await pending, gate);
  expect(run.reason).toMatchObject({ kind: 'abort', cause: new Error('user pressed stop') });
  // A caller abort stops the run only: the agent still works.
  expect(agent.closed).toBe(false);
  await agent.close();
});

it('a timeout stops the run', async () => {
  // The first tool call is the long one: the timeout fires in it (or, on a very loaded machine, during the
  // model call before it; either way inside a step).
  const gate = makeGateTool();
  const agent = makeAgent(gate);
  const out = await agent.runInterruptible('Fetch every row.', { timeoutMs: 1000, signals: [] });
  expect(out.status).toBe('interrupted');
  const run = out as InterruptedRun;
  expect(run.reason).toMatchObject({ kind: 'timeout', timeoutMs: 1000 });
  expect(run.progress.steps).toBe(0);
  if (gate.calls > 0) expect(gate.seen.aborted).toBe(true);
  await agent.close();
});

it('a budget charged past its limit by the tool stops the run inside that step', async () => {
  const gate = makeGateTool({ fastCalls: 2 });
  const agent = makeAgent(gate);
  const budget = new InterruptBudget({ limit: 10, unit: 'rows' });
  const pending = agent.runInterruptible('Fetch every row.', { budget, signals: [] });
  await gate.busy();
  expect(budget.charge(4)).toBe(true);
  expect(gate.seen.aborted).toBe(false);
  expect(budget.charge(7)).toBe(false);
  const run = expectStoppedInTheLongStep(await pending, gate);
  expect(run.reason).toMatchObject({ kind: 'budget', unit: 'rows', limit: 10, spent: 11 });
  await agent.close();
});

it('a token budget is charged by the run itself at each completed step', async () => {
  const gate = makeGateTool({ fastCalls: 5 });
  const agent = makeAgent(gate);
  const budget = new InterruptBudget({ limit: 1 });
  const out = await agent.runInterruptible('Fetch every row.', { budget, signals: [] });
  expect(out.status).toBe('interrupted');
  const run = out as InterruptedRun;
  expect(run.reason.kind).toBe('budget');
  // The first step's tokens went past the limit: the run stopped at that step boundary.
  expect(run.progress.steps).toBe(1);
  expect(budget.spent).toBe(run.progress.usage.promptTokens + run.progress.usage.completionTokens);
  await agent.close();
});

it('SIGINT and SIGTERM stop the run; a signal shuts the agent down by default', async () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const gate = makeGateTool({ fastCalls: 2 });
    const agent = makeAgent(gate);
    const pending = agent.runInterruptible('Fetch every row.');
    await gate.busy();
    process.kill(process.pid, signal);
    const run = expectStoppedInTheLongStep(await pending, gate);
    expect(run.reason).toMatchObject({ kind: 'signal', signal });
    expect(run.shutdown?.tools).toMatchObject({ inFlight: 1, settled: 1 });
    expect(run.stamps.stoppedAt).toBeGreaterThanOrEqual(run.stamps.detectedAt);
    expect(agent.closed).toBe(true);
  }
});

it('an abort during generation stops the model call; the step in progress is dropped', async () => {
  const gate = makeGateTool({ fastCalls: 5 });
  const controller = new AbortController();
  const outcomes: string[] = [];
  // The tiny model, with an abort fired while the second call is generating.
  const aborting: LlmProvider = {
    chat(messages, options) {
      const call = provider.chat(messages, options);
      call.then(
        () => outcomes.push('answered'),
        (error: Error) => outcomes.push(error.name),
      );
      if (outcomes.length === 1) setImmediate(() => controller.abort());
      return call;
    },
    embed: (texts) => provider.embed(texts),
    info: () => provider.info(),
    close: async () => {},
  };
  const agent = createAgent({
    name: 'interrupt-generation',
    llm: aborting,
    tools: [gate.tool],
    toolChoice: 'required',
    budget: { maxSteps: 6 },
    generation: { maxTokens: 96, temperature: 0, seed: 42 },
  });
  const out = await agent.runInterruptible('Fetch every row.', { signal: controller.signal, signals: [] });
  expect(out.status).toBe('interrupted');
  const run = out as InterruptedRun;
  expect(run.reason.kind).toBe('abort');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(outcomes).toEqual(['answered', 'AbortError']);
  // Only the first step (model call + its tool) completed; the aborted reply is nowhere.
  expect(run.progress.steps).toBe(1);
  expect(run.progress.messages.filter((m) => m.role === 'assistant')).toHaveLength(1);
  await agent.close();
});
