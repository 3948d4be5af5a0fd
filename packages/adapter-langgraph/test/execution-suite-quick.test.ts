import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createLanggraphExecutionSuite } from '../src/execution/suite';

test('the Execution suite runs on a LangGraph ReAct agent in quick mode, next to the same raw provider call', async () => {
  const notices: string[] = [];
  const result = await runSuite(
    createLanggraphExecutionSuite({ backend: 'memory', onNotice: (line) => notices.push(line) }),
    { profile: 'quick' },
  );
  expect(result.suite_id).toBe('suite2_execution');
  const byId = Object.fromEntries(result.benchmark_results.map((r) => [r.id, r as OkBenchmarkResult]));
  for (const r of result.benchmark_results) {
    expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
    const ok = r as OkBenchmarkResult;
    expect(ok.metadata['subject']).toBe('LangGraph.js createReactAgent (memory)');
    expect(ok.metadata).toMatchObject({ engine: 'llama.cpp', model: 'kaizen-bench-tiny' });
    expect(ok.baseline?.name).toBe('raw model call');
    // Heap after a forced GC, after the first run and after the last (capture + warmup + measured runs).
    const heap = ok.metadata['heap_growth'] as { runs: number; growth_per_run_kb: number } | undefined;
    expect(heap?.runs).toBe(ok.iterations + ok.warmup_iterations + 1);
    console.log(`langgraph ${r.id}: heap growth ${heap?.growth_per_run_kb} KB/run over ${heap?.runs} runs`);
    // Greedy with a seed: the floor replayed the prompts the wrapper sent and generated the same tokens.
    expect(ok.metadata['prompts_stable']).toBe(true);
    expect(ok.metadata['floor_same_tokens']).toBe(true);
    console.log(
      `langgraph ${r.id}: p50 ${ok.latency_ms.p50.toFixed(2)} ms, floor ${ok.baseline?.latency_ms.p50.toFixed(2)} ms ` +
        `(x${ok.overhead?.ratio_p50.toFixed(3)}, +${ok.overhead?.diff_p50_ms.toFixed(2)} ms)`,
    );
  }
  expect(byId['single_shot']?.metadata).toMatchObject({ model_calls_per_sample: 1 });
  expect(byId['multi_turn']?.metadata).toMatchObject({ model_calls_per_sample: 3, memory_check: 'passed' });
  expect(byId['long_running']?.metadata).toMatchObject({
    model_calls_per_sample: 5,
    tool_calls_per_sample: 5,
    checkpoints_per_sample: 5,
    last_checkpoint_loaded: true,
  });
  expect(notices.some((line) => line.startsWith('execution: '))).toBe(true);
}, 300_000);
