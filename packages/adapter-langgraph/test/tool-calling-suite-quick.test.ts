import type { OkBenchmarkResult, SkippedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createLanggraphToolCallingSuite, LANGGRAPH_NO_PERMISSION_LAYER } from '../src/tool-calling/index';

test('the Tool Calling suite on LangGraph in quick mode: interrupt()/resume approvals, ToolNode execution, no permission layer', async () => {
  const result = await runSuite(createLanggraphToolCallingSuite({ backend: 'memory' }), { profile: 'quick' });
  const [permission, approval, execution] = result.benchmark_results;
  expect(permission?.status).toBe('skipped');
  expect((permission as SkippedBenchmarkResult).reason).toBe(
    `subject LangGraph.js interrupt() approval + ToolNode (memory) does not offer it: ${LANGGRAPH_NO_PERMISSION_LAYER}`,
  );
  for (const r of [approval, execution] as OkBenchmarkResult[]) {
    expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
    console.log(
      `langgraph ${r.id}: p50 ${r.latency_ms.p50.toFixed(3)} ms (floor ${r.baseline?.latency_ms.p50.toFixed(3)})`,
    );
  }
  // Every approval went through interrupt() and Command({ resume }), and the suite checked each decision.
  const ok = approval as OkBenchmarkResult;
  expect(ok.metadata['approvals_requested']).toBe(ok.iterations + ok.warmup_iterations);
  expect(ok.metadata['audit_records_written']).toBe(ok.iterations + ok.warmup_iterations);
  expect(ok.metadata['denied']).toBeGreaterThan(0);
  expect(ok.metadata['audit_durability']).toMatch(/MemorySaver/);
}, 120_000);
