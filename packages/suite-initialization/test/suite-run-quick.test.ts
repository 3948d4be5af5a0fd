import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createInitializationSuite } from '../src/index';

test('--quick profile: cold start, warm start and lazy init are ok, with the floor, the parts and the child facts', async () => {
  const result = await runSuite(createInitializationSuite({ llm: { llm: 'embedded' } }), {
    profile: 'quick',
  });
  expect(result.suite_id).toBe('suite1_initialization');
  const byId = Object.fromEntries(result.benchmark_results.map((r) => [r.id, r]));
  expect(Object.keys(byId)).toEqual(['cold_start', 'warm_start', 'lazy_init']);
  for (const r of result.benchmark_results) {
    expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
  }
  const cold = byId['cold_start'] as OkBenchmarkResult;
  const warm = byId['warm_start'] as OkBenchmarkResult;
  const lazy = byId['lazy_init'] as OkBenchmarkResult;

  // Cold start: self-reported by separate processes, one per sample, next to a bare-node floor.
  expect(cold.timing.mode).toBe('self_reported');
  expect(cold.metadata['child_processes']).toBe(cold.iterations);
  expect(cold.baseline?.name).toBe('bare node process');
  expect(cold.baseline?.timing.mode).toBe('self_reported');
  expect(cold.overhead?.ratio_p50).toBeGreaterThan(0);
  const meta = cold.metadata as Record<string, number>;
  // The parent's spawn-to-ready covers process start too: longer than the child's own span.
  expect(meta['spawn_to_ready_ms_p50']).toBeGreaterThan(cold.latency_ms.p50);
  expect((meta['import_ms_p50'] ?? 0) + (meta['construct_ms_p50'] ?? 0)).toBeGreaterThan(0);
  expect(['excellent', 'good', 'needs_work']).toContain(cold.rating);

  expect(warm.metadata['agents_built']).toBeGreaterThanOrEqual(warm.iterations);
  expect(['excellent', 'good', 'needs_work']).toContain(warm.rating);

  // Lazy init: every part of the reference agent timed; unrated on the embedded engine, with the reason.
  expect(Object.keys(lazy.metadata['parts_ms_p50'] as object).sort()).toEqual([
    'checkpoints',
    'memory',
    'provider',
    'tools',
  ]);
  expect(lazy.rating).toBe('unrated');
  expect(lazy.rating_reason).toMatch(/loads a model in-process/);
  for (const r of [cold, warm, lazy])
    console.log(`${r.id}: p50 ${r.latency_ms.p50.toFixed(3)} ms, ${r.rating}`);
}, 120_000);
