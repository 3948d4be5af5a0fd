import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import type { LanggraphBackend } from '../src/options';
import { createLanggraphInterruptsSuite } from '../src/interrupts/index';
import { createLanggraphToolCallingSuite } from '../src/tool-calling/index';
import { PG_URL, pgSkipReason } from './_pg';

const noPg = pgSkipReason() !== undefined;

const ourDirs = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('kaizen-bench-langgraph-'));

async function interruptsOn(backend: LanggraphBackend) {
  const result = await runSuite(
    createLanggraphInterruptsSuite({ backend, ...(PG_URL ? { pgUrl: PG_URL } : {}) }),
    { profile: 'quick' },
  );
  for (const r of result.benchmark_results as OkBenchmarkResult[]) {
    expect(r.status, `${backend} ${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
    console.log(
      `langgraph-${backend} ${r.id}: p50 ${r.latency_ms.p50.toFixed(3)} ms (floor ${r.baseline?.latency_ms.p50.toFixed(3)})`,
    );
  }
  const checkpoint = result.benchmark_results[2] as OkBenchmarkResult;
  expect(checkpoint.metadata['checkpoints_verified']).toBe(
    checkpoint.iterations + checkpoint.warmup_iterations + 1,
  );
  return result;
}

test('the checkpointer follows the backend: Interrupts on SqliteSaver (WAL file), every checkpoint verified, temp files removed', async () => {
  const before = await ourDirs();
  const result = await interruptsOn('sqlite');
  const facts = result.benchmark_results[2]?.metadata['subject_facts'] as Record<string, unknown>;
  expect(facts['backend']).toBe('sqlite');
  expect(result.benchmark_results[0]?.metadata['subject']).toBe(
    'LangGraph.js createReactAgent + AbortSignal (sqlite)',
  );
  expect(await ourDirs()).toEqual(before);
}, 300_000);

test.skipIf(noPg)(
  'Interrupts on PostgresSaver: every checkpoint verified',
  async () => {
    const result = await interruptsOn('postgres');
    expect(result.benchmark_results[0]?.metadata['subject']).toBe(
      'LangGraph.js createReactAgent + AbortSignal (postgres)',
    );
  },
  300_000,
);

test.skipIf(noPg)(
  'Tool Calling on PostgresSaver: each approval decision lands in a PostgreSQL checkpoint',
  async () => {
    const result = await runSuite(createLanggraphToolCallingSuite({ backend: 'postgres', pgUrl: PG_URL! }), {
      profile: 'quick',
    });
    const approval = result.benchmark_results[1] as OkBenchmarkResult;
    expect(approval.status, 'reason' in approval ? String(approval.reason) : '').toBe('ok');
    expect(approval.metadata['audit_durability']).toMatch(/PostgresSaver/);
    console.log(`langgraph-postgres approval_workflow: p50 ${approval.latency_ms.p50.toFixed(3)} ms`);
  },
  300_000,
);

test('the postgres backend without a URL fails with what to do', async () => {
  const result = await runSuite(createLanggraphToolCallingSuite({ backend: 'postgres' }), {
    iterations: 1,
    warmup: 0,
    monitor: false,
  });
  const approval = result.benchmark_results[1];
  expect(approval?.status).toBe('failed');
  expect((approval as { reason: string }).reason).toMatch(
    /langgraph-postgres checkpointer needs a PostgreSQL URL: pass pgUrl \(CLI: --pg-url <url> or KAIZEN_BENCH_PG_URL\)/,
  );
});
