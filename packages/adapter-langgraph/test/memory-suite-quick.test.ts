import type { OkBenchmarkResult, SkippedBenchmarkResult, SuiteResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import {
  createLanggraphMemorySuite,
  type LanggraphBackend,
  langgraphMemorySubjectName,
  NO_COLD_TIER_REASON,
} from '../src/index';
import { PG_URL, pgSkipReason } from './_pg';

// Small sessions keep the quick runs short; the reads are the suite's own (newest 100 hot, newest 10 warm).
const workload = { hotSessionTurns: 300, warmSessionTurns: 2000, coldSessionTurns: 50 };

async function runQuick(backend: LanggraphBackend): Promise<SuiteResult> {
  const suite = createLanggraphMemorySuite({ backend, workload, ...(PG_URL ? { pgUrl: PG_URL } : {}) });
  expect(suite.metadata?.['subject']).toBe(langgraphMemorySubjectName(backend));
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  expect(result.suite_id).toBe('suite3_memory');
  expect(result.benchmark_results.map((r) => r.id)).toEqual([
    'memory_hot_tier',
    'memory_warm_tier',
    'memory_cold_tier',
  ]);
  const [hot, , cold] = result.benchmark_results;
  // Hot: InMemoryStore.search returned exactly the newest 100 turns (the suite checks them, untimed).
  expect(hot?.status, hot && 'reason' in hot ? hot.reason : '').toBe('ok');
  expect((hot as OkBenchmarkResult).metadata['read_turns']).toBe(100);
  expect(cold?.status).toBe('skipped');
  expect((cold as SkippedBenchmarkResult).reason).toBe(
    `${langgraphMemorySubjectName(backend)}: ${NO_COLD_TIER_REASON}`,
  );
  return result;
}

describe('LangGraph stores through the Memory suite (quick)', () => {
  it('langgraph-memory: hot = InMemoryStore, warm and cold skipped with reasons', async () => {
    const warm = (await runQuick('memory')).benchmark_results[1] as SkippedBenchmarkResult;
    expect(warm.status).toBe('skipped');
    expect(warm.reason).toMatch(/InMemoryStore keeps nothing on disk/);
  });

  it('langgraph-sqlite: warm skipped, LangGraph.js has no SQLite store', async () => {
    const warm = (await runQuick('sqlite')).benchmark_results[1] as SkippedBenchmarkResult;
    expect(warm.status).toBe('skipped');
    expect(warm.reason).toMatch(/no SQLite store/);
  });

  it.skipIf(pgSkipReason() !== undefined)(
    'langgraph-postgres: warm = PostgresStore next to its own SELECT',
    async () => {
      const warm = (await runQuick('postgres')).benchmark_results[1] as OkBenchmarkResult;
      expect(warm.status, 'reason' in warm ? String(warm.reason) : '').toBe('ok');
      expect(warm.metadata).toMatchObject({ read_turns: 10, floor_rows: 10, backend: 'postgres' });
      expect(warm.baseline?.name).toBe('same SELECT, same handle');
      const facts = warm.metadata['subject_facts'] as { warm: string; warm_stored_bytes: number };
      expect(facts.warm).toMatch(/^PostgresStore in schema kaizen_bench_lg_store_/);
      expect(facts.warm_stored_bytes).toBeGreaterThan(0);
    },
  );
});
