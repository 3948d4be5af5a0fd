import type { OkBenchmarkResult, SkippedBenchmarkResult, SuiteResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { GROWTH_MESSAGES_PER_SAVE } from '@kaizen-bench/suite-checkpoints';
import { describe, expect, it } from 'vitest';
import { createLanggraphCheckpointsSuite, type LanggraphBackend, NO_COMPRESSION_REASON } from '../src/index';
import { PG_URL, pgSkipReason } from './_pg';

interface WriteAmplification {
  measured: boolean;
  saves: number;
  final_state_json_bytes: number;
  states_json_bytes_total: number;
  stored_bytes: number;
  stored_bytes_empty: number;
  stored_over_final_state: number;
}

const NAMES: Record<LanggraphBackend, string> = {
  memory: 'LangGraph MemorySaver',
  sqlite: 'LangGraph SqliteSaver (file, WAL)',
  postgres: 'LangGraph PostgresSaver',
};

async function runQuick(backend: LanggraphBackend): Promise<SuiteResult> {
  const suite = createLanggraphCheckpointsSuite({ backend, ...(PG_URL ? { pgUrl: PG_URL } : {}) });
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  expect(result.suite_id).toBe('suite6_checkpoints');
  expect(result.metadata['subject']).toBe(NAMES[backend]);
  expect(result.benchmark_results.map((r) => r.id)).toEqual([
    'checkpoint_save',
    'checkpoint_load',
    'checkpoint_compression',
  ]);
  return result;
}

function check(result: SuiteResult, backend: LanggraphBackend): void {
  const [save, load, compression] = result.benchmark_results;
  for (const r of [save, load]) {
    expect(r?.status, r && 'reason' in r ? r.reason : '').toBe('ok');
    expect((r as OkBenchmarkResult).metadata['subject']).toBe(NAMES[backend]);
    expect((r as OkBenchmarkResult).latency_ms.p50).toBeGreaterThan(0);
  }
  // Load ran the suite's untimed equality check on LangGraph's getTuple; the facts name the backend.
  const facts = (load as OkBenchmarkResult).metadata['subject_facts'] as Record<string, unknown>;
  expect(facts['backend']).toBe(backend);
  expect(compression?.status).toBe('skipped');
  expect((compression as SkippedBenchmarkResult).reason).toBe(`${NAMES[backend]}: ${NO_COMPRESSION_REASON}`);

  // Write amplification: a growing conversation saved into a fresh checkpointer that keeps every checkpoint.
  const amp = (save as OkBenchmarkResult).metadata['write_amplification'] as WriteAmplification;
  expect(amp.measured).toBe(true);
  expect(amp.saves).toBe(Math.ceil(200 / GROWTH_MESSAGES_PER_SAVE));
  // LangGraph stores every save in full: more than the sum of what a store keeping only the newest would hold.
  expect(amp.stored_bytes - amp.stored_bytes_empty).toBeGreaterThan(amp.final_state_json_bytes * 10);
  expect(amp.stored_over_final_state).toBeGreaterThan(10);
  console.log(`${backend}: write amplification ${JSON.stringify(amp)}`);
}

describe('LangGraph checkpointers through the Checkpoints suite (quick)', () => {
  it('MemorySaver', async () => check(await runQuick('memory'), 'memory'));
  it('SqliteSaver on a WAL file', async () => {
    const result = await runQuick('sqlite');
    check(result, 'sqlite');
    const facts = (result.benchmark_results[0] as OkBenchmarkResult).metadata['subject_facts'] as Record<
      string,
      unknown
    >;
    expect(facts['journal_mode']).toBe('wal');
  });
  it.skipIf(pgSkipReason() !== undefined)('PostgresSaver', async () => {
    check(await runQuick('postgres'), 'postgres');
  });
});
