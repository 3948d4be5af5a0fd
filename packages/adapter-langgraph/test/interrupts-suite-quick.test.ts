import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createLanggraphInterruptsSuite, LANGGRAPH_UNSUPPORTED_SOURCES } from '../src/interrupts/index';

test('the Interrupts suite runs on a LangGraph graph in quick mode: abort measured, the sources it lacks named', async () => {
  const result = await runSuite(createLanggraphInterruptsSuite({ backend: 'memory' }), { profile: 'quick' });
  const [detection, shutdown, checkpoint] = result.benchmark_results as OkBenchmarkResult[];
  for (const r of result.benchmark_results) {
    expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
    const ok = r as OkBenchmarkResult;
    expect(ok.metadata['subject']).toBe('LangGraph.js createReactAgent + AbortSignal (memory)');
    console.log(
      `langgraph ${r.id}: p50 ${ok.latency_ms.p50.toFixed(3)} ms (floor ${ok.baseline?.latency_ms.p50.toFixed(3)})`,
    );
  }
  expect(detection?.metadata['sources']).toEqual(['abort']);
  expect(detection?.metadata['sources_left_out']).toEqual({ ...LANGGRAPH_UNSUPPORTED_SOURCES });
  // The abort reached the tool through LangGraph's config.signal: the hold server saw the request close.
  expect(shutdown?.metadata['shutdown_facts']).toEqual({ tools_settled_1: shutdown?.iterations });
  // Every interrupt left LangGraph's checkpoint of exactly the completed steps, loaded back and compared.
  expect(checkpoint?.metadata['checkpoints_verified']).toBe(
    (checkpoint?.iterations ?? 0) + (checkpoint?.warmup_iterations ?? 0) + 1,
  );
}, 300_000);
