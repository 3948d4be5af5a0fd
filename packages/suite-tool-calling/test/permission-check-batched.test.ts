import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createToolCallingSuite } from '../src/index';

test('Permission Check is sub-microsecond work the harness times in batches (sync fn, no per-iteration hooks)', async () => {
  const suite = createToolCallingSuite();
  suite.benchmarks = suite.benchmarks.filter((b) => b.id === 'permission_check');
  const definition = suite.benchmarks[0]!;
  expect(definition.beforeEach).toBeUndefined();
  expect(definition.afterEach).toBeUndefined();
  expect(definition.allowBatching).not.toBe(false);
  // Warmup 50: the batching decision is the median of 50 per-call times, robust to a loaded machine.
  const result = await runSuite(suite, { warmup: 50, iterations: 20, monitor: false });
  const permission = result.benchmark_results[0] as OkBenchmarkResult;
  expect(permission.status).toBe('ok');
  expect(permission.timing.mode).toBe('batched');
  expect(permission.timing.batch_size).toBeGreaterThan(1);
  expect(permission.metadata['rules']).toBeGreaterThanOrEqual(20);
  console.log(
    `permission_check: p50 ${(permission.latency_ms.p50 * 1e6).toFixed(0)} ns per call, batches of ${permission.timing.batch_size}`,
  );
});
