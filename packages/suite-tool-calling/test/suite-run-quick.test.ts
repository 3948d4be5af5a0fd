import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createToolCallingSuite } from '../src/index';

async function ourDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter(
    (name) => name.startsWith('kaizen-bench-tool-calling-') || name.startsWith('kaizen-bench-sandbox-'),
  );
}

test('the suite runs end to end in quick mode: 3 rated results, floors and audit facts', async () => {
  const dirsBefore = await ourDirs();
  const result = await runSuite(createToolCallingSuite(), { profile: 'quick' });

  expect(result.suite_id).toBe('suite4_tool_calling');
  expect(result.suite_name).toBe('Tool Calling');
  expect(result.metadata).toMatchObject({
    subject: 'ToolGate (@kaizen-bench/agent)',
    rules: 24,
    file_bytes: 4096,
  });
  const byId = Object.fromEntries(result.benchmark_results.map((r) => [r.id, r]));
  expect(Object.keys(byId)).toEqual(['permission_check', 'approval_workflow', 'tool_execution']);
  for (const r of result.benchmark_results) {
    expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
    const ok = r as OkBenchmarkResult;
    expect(['excellent', 'good', 'needs_work']).toContain(ok.rating);
    expect(ok.metadata['rules']).toBe(24);
    console.log(
      `${r.id}: p50 ${ok.latency_ms.p50.toPrecision(3)} ms, ${ok.timing.mode}${
        ok.overhead ? ` (x${ok.overhead.ratio_p50.toFixed(2)} floor)` : ''
      }, rating ${ok.rating}`,
    );
  }
  const permission = byId['permission_check'] as OkBenchmarkResult;
  const approval = byId['approval_workflow'] as OkBenchmarkResult;
  const execution = byId['tool_execution'] as OkBenchmarkResult;
  expect(permission.target).toEqual({ excellentMs: 0.1, targetMs: 0.5 });
  expect(approval.target).toEqual({ excellentMs: 1, targetMs: 2 });
  expect(execution.target).toEqual({ excellentMs: 20, targetMs: 50 });

  // Batching is asserted in permission-check-batched.test.ts, with enough warmup to be robust under load.
  expect(permission.metadata['calls_in_mix']).toBe(14);
  expect(permission.baseline).toBeUndefined();

  // Every approval was audited durably: one record per request (warmup included).
  expect(approval.metadata['audit_durability']).toBe('fsync');
  expect(approval.metadata['audit_records_written']).toBe(approval.metadata['approvals_requested']);
  expect(approval.metadata['approved']).toBeGreaterThan(approval.metadata['denied'] as number);
  expect(approval.baseline?.name).toBe('raw durable append');
  expect(approval.overhead?.ratio_p50).toBeGreaterThan(0);

  // Tool Execution: two audited decisions per iteration, next to the plain-fs floor.
  expect(execution.metadata['file_bytes']).toBe(4096);
  expect(execution.metadata['audit_records_written']).toBeGreaterThanOrEqual(2 * (execution.iterations + 1));
  expect(execution.baseline?.description).toMatch(/writeFile and read back with readFile/);
  expect((execution.metadata['subject_facts'] as { sandbox_strategy: string }).sandbox_strategy).toBe(
    'proc-fd',
  );

  expect(await ourDirs()).toEqual(dirsBefore);
}, 120_000);
