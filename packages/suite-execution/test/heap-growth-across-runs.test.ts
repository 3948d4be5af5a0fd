import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import type { HeapGrowth } from '../src/benchmarks/_heap';
import { createExecutionSuite, type ExecutionSubject } from '../src/index';

/** A model-free subject; with `retainKb`, every run keeps that much V8 heap for good (a per-run leak). */
function echoSubject(retainKb: number): ExecutionSubject {
  const sessions = new Map<string, Array<{ role: string; content: string }>>();
  const kept: number[][] = [];
  return {
    name: retainKb > 0 ? 'leaky echo' : 'echo',
    prepare: async () => ({ engine: 'none', model: 'echo', targetsApply: false }),
    async run(input, { sessionId }) {
      const history = sessions.get(sessionId) ?? [];
      const messages = [...history, { role: 'user', content: input }];
      history.push({ role: 'user', content: input }, { role: 'assistant', content: `echo ${input}` });
      sessions.set(sessionId, history);
      // Doubles, 8 bytes each, on the V8 heap (a Buffer would be off-heap).
      if (retainKb > 0) kept.push(Array.from({ length: retainKb * 128 }, (_, i) => i + 0.5));
      return {
        text: `echo ${input}`,
        modelCalls: [{ messages, options: {} }],
        usage: { promptTokens: 1, completionTokens: 1 },
      };
    },
    rawCall: async () => ({ text: '', promptTokens: 1, completionTokens: 1 }),
  };
}

async function growthOf(retainKb: number): Promise<HeapGrowth> {
  const result = await runSuite(createExecutionSuite({ subject: () => echoSubject(retainKb) }), {
    iterations: 20,
    warmup: 0,
    monitor: false,
  });
  const single = result.benchmark_results[0] as OkBenchmarkResult;
  expect(single.status).toBe('ok');
  return single.metadata['heap_growth'] as HeapGrowth;
}

test('heap growth across runs: read after a forced GC after the first and the last run, per run', async () => {
  const clean = await growthOf(0);
  const leaky = await growthOf(1024);
  // 1 capture run + 20 measured samples.
  expect(leaky.runs).toBe(21);
  expect(leaky.gc).toMatch(/^(expose-gc|v8-flag-at-runtime)$/);
  expect(leaky.description).toMatch(/forced full GC/);
  // 1 MB of doubles kept per run (plus the array header) must show; the clean subject keeps ~nothing.
  expect(leaky.growth_per_run_kb).toBeGreaterThan(900);
  expect(leaky.growth_per_run_kb).toBeLessThan(1300);
  expect(clean.growth_per_run_kb).toBeLessThan(100);
  expect(leaky.growth_mb).toBeCloseTo(
    leaky.heap_used_after_last_run_mb - leaky.heap_used_after_first_run_mb,
    2,
  );
}, 60_000);
