import type { OkBenchmarkResult, SkippedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { DELEGATION_TASKS, MULTI_AGENT_TEAM } from '@kaizen-bench/suite-multi-agent';
import { expect, test } from 'vitest';
import {
  createLanggraphMultiAgentSubject,
  createLanggraphMultiAgentSuite,
  LANGGRAPH_MULTI_AGENT_UNSUPPORTED,
} from '../src/multi-agent/index';

test('the Multi-Agent suite on LangGraph in quick mode: Command handoffs timed and checked, A2A and routing skipped with reasons', async () => {
  const result = await runSuite(createLanggraphMultiAgentSuite({ backend: 'memory' }), { profile: 'quick' });
  const [a2a, routing, delegation] = result.benchmark_results;
  const name = 'LangGraph.js supervisor graph, Command handoff to worker graphs (memory)';
  expect((a2a as SkippedBenchmarkResult).reason).toBe(
    `subject ${name} does not offer it: ${LANGGRAPH_MULTI_AGENT_UNSUPPORTED.a2a_protocol}`,
  );
  expect((routing as SkippedBenchmarkResult).reason).toBe(
    `subject ${name} does not offer it: ${LANGGRAPH_MULTI_AGENT_UNSUPPORTED.semantic_routing}`,
  );
  expect(delegation?.status, (delegation as SkippedBenchmarkResult).reason).toBe('ok');
  const ok = delegation as OkBenchmarkResult;
  // Every measured delegation reached the right worker graph and returned its exact tool result.
  expect(ok.metadata['results_checked']).toBe(ok.iterations);
  console.log(`langgraph task_delegation: p50 ${ok.latency_ms.p50.toFixed(3)} ms`);
}, 120_000);

test("a worker graph validates the tool's arguments against its JSON schema before running it", async () => {
  const subject = createLanggraphMultiAgentSubject(MULTI_AGENT_TEAM, { backend: 'memory' });
  try {
    const task = DELEGATION_TASKS[0]!;
    expect(await subject.delegate!(task)).toEqual({ agentId: task.agentId, result: task.expected });
    await expect(subject.delegate!({ text: task.text, arguments: { nonsense: true } })).rejects.toThrow(
      /schema|input|expected/i,
    );
  } finally {
    await subject.close?.();
  }
});
