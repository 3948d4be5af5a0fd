import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createMultiAgentSuite, DELEGATION_TASKS, type MultiAgentSubject, ROUTING_SET } from '../src/index';

/** A framework without A2A: routing by a lookup of the labelled answers, delegation in-process. */
function inProcessSubject(routeRight: boolean) {
  const calls = { close: 0, delegate: 0 };
  const answers = new Map(ROUTING_SET.map((example) => [example.task, example.agentId]));
  const subject: MultiAgentSubject = {
    name: 'in-process framework',
    async route(task) {
      return { agentId: routeRight ? (answers.get(task) ?? null) : 'billing', confidence: 1 };
    },
    async delegate(task) {
      calls.delegate++;
      const known = DELEGATION_TASKS.find((candidate) => candidate.text === task.text)!;
      return { agentId: known.agentId, result: known.expected };
    },
    close() {
      calls.close++;
    },
  };
  return { subject, calls };
}

test('what a subject lacks is skipped with the reason; what it has is timed and checked; a direct subject is not closed', async () => {
  const { subject, calls } = inProcessSubject(true);
  const result = await runSuite(createMultiAgentSuite({ subject }), {
    iterations: 5,
    warmup: 1,
    monitor: false,
  });
  expect(result.metadata['subject']).toBe('in-process framework');
  const [a2a, routing, delegation] = result.benchmark_results;
  expect(a2a).toMatchObject({
    status: 'skipped',
    reason:
      'subject in-process framework has no sendMessage(): the framework has no A2A (or other agent-to-agent) transport',
  });
  expect(routing?.status).toBe('ok');
  expect((routing as OkBenchmarkResult).metadata['accuracy']).toBe(1);
  expect((routing as OkBenchmarkResult).metadata['timed_accuracy']).toBe(1);
  expect(delegation?.status).toBe('ok');
  expect((delegation as OkBenchmarkResult).metadata['results_checked']).toBe(5);
  expect(calls.delegate).toBe(DELEGATION_TASKS.length + 6);
  expect(calls.close).toBe(0);
});

test('a router below 90% on the labelled set fails Semantic Routing with its accuracy; factory subjects are closed', async () => {
  const made: Array<ReturnType<typeof inProcessSubject>> = [];
  const result = await runSuite(
    createMultiAgentSuite({
      subject: () => {
        const one = inProcessSubject(false);
        made.push(one);
        return one.subject;
      },
    }),
    { iterations: 3, warmup: 0, monitor: false },
  );
  const routing = result.benchmark_results[1];
  expect(routing?.status).toBe('failed');
  expect(routing?.status === 'failed' && routing.reason).toMatch(
    /semantic_routing: accuracy 10\.0% \(12\/120\) on the labelled set is below 90%/,
  );
  expect(made).toHaveLength(3);
  expect(made.map((one) => one.calls.close)).toEqual([1, 1, 1]);
});
