import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createMultiAgentSuite } from '../src/index';

test('--quick profile: A2A round trip with its floor, routing with its accuracy, delegation with checked results', async () => {
  const result = await runSuite(createMultiAgentSuite(), { profile: 'quick' });
  expect(result.suite_id).toBe('suite7_multi_agent');
  const byId = Object.fromEntries(result.benchmark_results.map((r) => [r.id, r]));
  expect(Object.keys(byId)).toEqual(['a2a_protocol', 'semantic_routing', 'task_delegation']);
  for (const r of result.benchmark_results) {
    expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
  }
  const a2a = byId['a2a_protocol'] as OkBenchmarkResult;
  const routing = byId['semantic_routing'] as OkBenchmarkResult;
  const delegation = byId['task_delegation'] as OkBenchmarkResult;

  expect(a2a.baseline?.name).toBe('raw node:http POST');
  expect(a2a.overhead?.ratio_p50).toBeGreaterThan(0);
  expect(a2a.metadata['floor_payload']).toBe("recorded from the subject's own exchange");
  expect(a2a.metadata['request_bytes']).toBeGreaterThan(a2a.metadata['message_bytes'] as number);
  expect(a2a.metadata['subject_facts']).toMatchObject({ servers: 10, server_host: '127.0.0.1' });

  expect(routing.metadata['accuracy']).toBeGreaterThanOrEqual(0.9);
  expect(routing.metadata['tasks']).toBeGreaterThanOrEqual(100);
  expect(routing.metadata['agents']).toBeGreaterThanOrEqual(8);
  expect(routing.metadata['timed_accuracy']).toBeGreaterThanOrEqual(0.5);
  expect(routing.metadata['subject_facts']).toMatchObject({ embedder_kind: 'lexical' });

  expect(delegation.metadata['results_checked']).toBe(delegation.iterations);
  for (const r of [a2a, routing, delegation]) {
    expect(['excellent', 'good', 'needs_work']).toContain(r.rating);
    console.log(
      `${r.id}: p50 ${r.latency_ms.p50.toFixed(3)} ms, ${r.rating}`,
      r.overhead ? `x${r.overhead.ratio_p50}` : '',
    );
  }
  console.log('accuracy', routing.metadata['accuracy'], 'held out', routing.metadata['held_out_accuracy']);
}, 120_000);
