import type { SkippedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createMultiAgentSuite, DELEGATION_TASKS, type MultiAgentSubject } from '../src/index';

test("a benchmark the subject declares unsupported is skipped with the subject's reason, even with the operation", async () => {
  let routed = 0;
  let closed = 0;
  const make = (): MultiAgentSubject => ({
    name: 'declaring framework',
    unsupported: { semantic_routing: 'routing here is an LLM call, not an embedding router' },
    async route() {
      routed++;
      return { agentId: null };
    },
    async delegate(task) {
      const known = DELEGATION_TASKS.find((candidate) => candidate.text === task.text)!;
      return { agentId: known.agentId, result: known.expected };
    },
    close() {
      closed++;
    },
  });
  const result = await runSuite(createMultiAgentSuite({ subject: () => make() }), {
    iterations: 3,
    warmup: 0,
    monitor: false,
  });
  const [a2a, routing, delegation] = result.benchmark_results;
  expect((a2a as SkippedBenchmarkResult).reason).toMatch(/has no sendMessage\(\)/);
  expect(routing?.status).toBe('skipped');
  expect((routing as SkippedBenchmarkResult).reason).toBe(
    'subject declaring framework does not offer it: routing here is an LLM call, not an embedding router',
  );
  expect(routed).toBe(0);
  expect(delegation?.status).toBe('ok');
  // One subject per benchmark, each closed once (the skipped ones right away).
  expect(closed).toBe(3);
}, 60_000);
