import { isDeepStrictEqual } from 'node:util';
import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import { DELEGATION_TASKS, type DelegationTask } from '../data/delegation-tasks';
import type { ResolvedMultiAgentSuiteOptions } from '../options';
import type { DelegationOutcome } from '../subject';
import { acquire, type Held, release, seededOrder } from './_lifecycle';

/** Untimed check of one delegation: the right agent ran it and its tool's result came back. */
function check(task: DelegationTask, outcome: DelegationOutcome | undefined): void {
  if (outcome?.agentId !== task.agentId) {
    throw new Error(
      `task_delegation: "${task.text}" went to ${outcome?.agentId ?? 'nobody'}, not ${task.agentId}; fix the routing`,
    );
  }
  if (!isDeepStrictEqual(outcome.result, task.expected)) {
    throw new Error(
      `task_delegation: ${task.agentId} returned ${JSON.stringify(outcome.result)} for "${task.text}", ` +
        `expected ${JSON.stringify(task.expected)}; fix the delegation`,
    );
  }
}

/** Task Delegation: supervisor routes + delegates over A2A + worker runs + result returns (DESIGN §8). */
export function createTaskDelegationBenchmark(options: ResolvedMultiAgentSuiteOptions): BenchmarkDefinition {
  let held: Held | undefined;
  let order: number[] = [];
  let next = 0;
  let current: DelegationTask | undefined;
  let outcome: DelegationOutcome | undefined;
  let checked = 0;
  return {
    id: 'task_delegation',
    name: 'Task Delegation',
    // Mostly waiting (A2A over loopback HTTP): --measure instructions counts its CPU part only.
    costKind: 'waiting',
    description:
      'Times subject.delegate(task): a supervisor routes the task by its text, sends it (text + tool arguments) ' +
      'to the chosen worker agent over A2A, the worker runs its deterministic tool (no LLM) and the result comes ' +
      `back. Tasks cycle through ${DELEGATION_TASKS.length} tasks, one per agent, in a seeded order. For the ` +
      'default subject: semantic routing + A2A round trip + ajv argument validation + tool. Each result is checked ' +
      'untimed (right agent, exact JSON result).',
    target: { excellentMs: 5, targetMs: 10 },
    iterations: 100,
    warmup: 10,
    async requires(ctx) {
      const got = await acquire(
        ctx,
        options,
        'task_delegation',
        'delegate',
        'the framework cannot hand a task to another agent',
      );
      if (typeof got === 'string') return got;
      held = got;
      return true;
    },
    async setup(ctx) {
      next = 0;
      checked = 0;
      order = seededOrder(ctx, DELEGATION_TASKS.length);
      // Every task once, untimed: a wrong route or result fails before anything is timed.
      for (const task of DELEGATION_TASKS) check(task, await held!.subject.delegate!(task));
      ctx.metadata['tasks'] = DELEGATION_TASKS.length;
      ctx.metadata['agents'] = [...new Set(DELEGATION_TASKS.map((task) => task.agentId))].length;
    },
    beforeEach() {
      current = DELEGATION_TASKS[order[next++ % order.length] as number];
      outcome = undefined;
    },
    async fn() {
      outcome = await held!.subject.delegate!(current!);
    },
    afterEach(ctx) {
      check(current!, outcome);
      if (ctx.phase === 'measure') checked++;
    },
    async teardown(ctx) {
      ctx.metadata['results_checked'] = checked;
      await release(ctx, held);
      held = undefined;
    },
  };
}
