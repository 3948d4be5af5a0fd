import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createCheckpointsSuite } from '../src/index';

async function subjectDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('kaizen-bench-checkpoints-'));
}

test('the suite runs end to end in quick mode: 3 ok results, rated, with sizes and the ratio', async () => {
  const dirsBefore = await subjectDirs();
  const result = await runSuite(createCheckpointsSuite(), { profile: 'quick' });

  expect(result.suite_id).toBe('suite6_checkpoints');
  expect(result.suite_name).toBe('Checkpoints');
  expect(result.metadata).toMatchObject({ state_messages: 200, state_memory_entries: 200 });
  const byId = Object.fromEntries(result.benchmark_results.map((r) => [r.id, r]));
  expect(Object.keys(byId)).toEqual(['checkpoint_save', 'checkpoint_load', 'checkpoint_compression']);
  for (const r of result.benchmark_results) {
    expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
    const ok = r as OkBenchmarkResult;
    expect(['excellent', 'good', 'needs_work']).toContain(ok.rating);
    expect(ok.latency_ms.p50).toBeGreaterThan(0);
    expect(ok.metadata['subject']).toBe('CheckpointStore (@kaizen-bench/agent)');
    // ~100 KB state by default.
    expect(ok.metadata['state_json_bytes']).toBeGreaterThan(80_000);
    expect(ok.metadata['state_json_bytes']).toBeLessThan(130_000);
    // Every benchmark is timed next to its raw-fs floor, sample for sample.
    expect(ok.baseline?.iterations).toBe(ok.iterations);
    expect(ok.baseline?.description).toMatch(/plain fs calls/);
    expect(ok.metadata['floor_bytes']).toBeGreaterThan(0);
    expect(ok.overhead?.ratio_p50).toBeCloseTo(ok.latency_ms.p50 / (ok.baseline?.latency_ms.p50 ?? 0), 9);
    console.log(
      `${r.id}: p50 ${ok.latency_ms.p50.toFixed(2)} ms (x${ok.overhead?.ratio_p50.toFixed(2)} floor), rating ${ok.rating}`,
    );
  }
  const [save, load, compression] = [
    byId['checkpoint_save'],
    byId['checkpoint_load'],
    byId['checkpoint_compression'],
  ];
  expect(save?.target).toEqual({ excellentMs: 10, targetMs: 30 });
  expect(load?.target).toEqual({ excellentMs: 10, targetMs: 20 });
  expect(compression?.target).toEqual({ excellentMs: 20, targetMs: 50 });

  expect(save?.metadata).toMatchObject({ codec: 'none', checkpoints_saved: expect.any(Number) });
  // Retention on: never more than 10 files however many saves ran.
  const saveFacts = save?.metadata['subject_facts'] as { files_on_disk: { plain: number }; keep: number };
  expect(saveFacts.keep).toBe(10);
  expect(saveFacts.files_on_disk.plain).toBe(Math.min(10, save?.metadata['checkpoints_saved'] as number));

  const meta = compression?.metadata as Record<string, number | string>;
  expect(meta['codec']).toBe('brotli');
  expect(meta['compressed_bytes']).toBeLessThan(meta['raw_bytes'] as number);
  expect(meta['compression_ratio']).toBeCloseTo(
    (meta['raw_bytes'] as number) / (meta['compressed_bytes'] as number),
    2,
  );
  expect(meta['compression_ratio']).toBeGreaterThan(2);
  // Save's floor writes the state's JSON bytes; Compression's floor the compressed size.
  expect(save?.metadata['floor_bytes']).toBe(save?.metadata['state_json_bytes']);
  expect(meta['floor_bytes']).toBe(meta['compressed_bytes']);

  // Each benchmark's temp directory was removed at teardown.
  expect(await subjectDirs()).toEqual(dirsBefore);
}, 120_000);
