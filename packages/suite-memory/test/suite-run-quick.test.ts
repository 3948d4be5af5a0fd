import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { OkBenchmarkResult, SuiteResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, it } from 'vitest';
import { openTieredMemory } from '@kaizen-bench/agent';
import { createMemorySuite, DEFAULT_PG_SCHEMA } from '../src/index';

const PG_URL = process.env['KAIZEN_BENCH_PG_URL'];

async function subjectDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('kaizen-bench-memory-'));
}

function okResults(result: SuiteResult): Record<string, OkBenchmarkResult> {
  expect(result.suite_id).toBe('suite3_memory');
  expect(result.suite_name).toBe('Memory');
  expect(result.benchmark_results.map((r) => r.id)).toEqual([
    'memory_hot_tier',
    'memory_warm_tier',
    'memory_cold_tier',
  ]);
  for (const r of result.benchmark_results) {
    expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
    const ok = r as OkBenchmarkResult;
    expect(['excellent', 'good', 'needs_work']).toContain(ok.rating);
    expect(ok.latency_ms.p50).toBeGreaterThan(0);
    expect(ok.metadata['subject']).toBe('TieredMemory (@kaizen-bench/agent)');
    console.log(
      `${r.id}: p50 ${ok.latency_ms.p50.toFixed(4)} ms${ok.overhead ? ` (x${ok.overhead.ratio_p50.toFixed(2)} floor)` : ''}, ${ok.rating}`,
    );
  }
  return Object.fromEntries(result.benchmark_results.map((r) => [r.id, r as OkBenchmarkResult]));
}

function checkCommon(byId: Record<string, OkBenchmarkResult>, backend: 'sqlite' | 'postgres'): void {
  const hot = byId['memory_hot_tier'] as OkBenchmarkResult;
  const warm = byId['memory_warm_tier'] as OkBenchmarkResult;
  const cold = byId['memory_cold_tier'] as OkBenchmarkResult;
  expect(hot.target).toEqual({ excellentMs: 0.5, targetMs: 1 });
  expect(warm.target).toEqual({ excellentMs: 5, targetMs: 10 });
  expect(cold.target).toEqual({ excellentMs: 50, targetMs: 100 });
  for (const r of [hot, warm, cold]) expect(r.metadata['backend']).toBe(backend);

  // Every timed hot read was a hot hit; the warm reads bypassed the hot tier.
  const hotStats = (
    hot.metadata['subject_facts'] as { tier_stats: { hot: { misses: number; hits: number } } }
  ).tier_stats.hot;
  expect(hotStats.misses).toBe(0);
  expect(hotStats.hits).toBeGreaterThanOrEqual(hot.iterations);
  expect(hot.baseline?.name).toBe('plain array slice');

  // Warm: 10,000 turns on disk, read 10, next to the same SELECT on the same handle, through the index.
  expect(warm.metadata).toMatchObject({ session_turns: 10_000, read_turns: 10, floor_rows: 10 });
  expect(warm.baseline?.iterations).toBe(warm.iterations);
  expect(warm.overhead?.ratio_p50).toBeCloseTo(warm.latency_ms.p50 / (warm.baseline?.latency_ms.p50 ?? 0), 9);
  const warmFacts = warm.metadata['subject_facts'] as {
    rows: { turns: number };
    tier_stats: { hot: { hits: number; misses: number }; warm: { hits: number } };
    recent_query_plan: Record<string, string[]>;
  };
  expect(warmFacts.rows.turns).toBe(10_000);
  expect(warmFacts.tier_stats.hot).toEqual({ hits: 0, misses: 0 });
  expect(warmFacts.tier_stats.warm.hits).toBeGreaterThanOrEqual(warm.iterations);
  expect(warmFacts.recent_query_plan['memory-warm']?.join(' ')).toMatch(
    backend === 'sqlite' ? /USING PRIMARY KEY/ : /Index Scan Backward/,
  );

  // Cold: a 1000-turn session, compressed, restored each iteration.
  expect(cold.metadata).toMatchObject({ codec: 'brotli', rows: 1000, session_turns: 1000 });
  expect(cold.metadata['archive_bytes']).toBeLessThan(cold.metadata['raw_bytes'] as number);
  expect(cold.metadata['compression_ratio']).toBeGreaterThan(2);
  expect(cold.metadata['restores']).toBe(cold.iterations + cold.warmup_iterations);
  const coldStats = (cold.metadata['subject_facts'] as { tier_stats: { restored: number; archived: number } })
    .tier_stats;
  expect(coldStats.restored).toBe(cold.metadata['restores']);
  expect(coldStats.archived).toBe(cold.metadata['restores']);
}

it('runs end to end on SQLite in quick mode: 3 ok results, rated, WAL settings and the warm floor in metadata', async () => {
  const dirsBefore = await subjectDirs();
  const result = await runSuite(createMemorySuite(), { profile: 'quick' });
  expect(result.metadata).toMatchObject({ backend: 'sqlite' });
  const byId = okResults(result);
  checkCommon(byId, 'sqlite');
  const facts = byId['memory_warm_tier']?.metadata['subject_facts'] as { settings: Record<string, unknown> };
  expect(facts.settings).toMatchObject({ journal_mode: 'wal', synchronous: 'normal' });
  // Each benchmark's temp directory was removed at teardown.
  expect(await subjectDirs()).toEqual(dirsBefore);
}, 120_000);

const onPostgres = PG_URL || process.env['CI'] === 'true' ? it : it.skip;

onPostgres(
  'runs end to end on PostgreSQL with pgUrl, and leaves no rows behind',
  async () => {
    if (!PG_URL) throw new Error('KAIZEN_BENCH_PG_URL is not set: CI must run the PostgreSQL suite test');
    const result = await runSuite(createMemorySuite({ pgUrl: PG_URL }), { profile: 'quick' });
    expect(result.metadata).toMatchObject({ backend: 'postgres' });
    const byId = okResults(result);
    checkCommon(byId, 'postgres');
    const facts = byId['memory_warm_tier']?.metadata['subject_facts'] as {
      settings: Record<string, unknown>;
      location: string;
    };
    expect(facts.settings).toMatchObject({
      synchronous_commit: expect.any(String),
      fsync: expect.any(String),
    });
    expect(facts.location).not.toContain(new URL(PG_URL).password);

    // The subject deleted the sessions it wrote; only the (empty) tables stay in their schema.
    const memory = await openTieredMemory({
      backend: { kind: 'postgres', url: PG_URL, schema: DEFAULT_PG_SCHEMA },
    });
    try {
      expect((await memory.describe()).rows).toEqual({ sessions: 0, turns: 0, archives: 0 });
    } finally {
      await memory.close();
    }
  },
  120_000,
);
