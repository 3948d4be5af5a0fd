import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createInitializationSuite, type InitializationSubject } from '../src/index';

/** A framework's own subject: a plain object, agents as plain objects, one lazy part. */
function customSubject(entry: string) {
  const calls = { create: 0, initialize: 0, dispose: 0, close: 0 };
  const subject: InitializationSubject<{ ready: boolean }> = {
    name: 'my-framework',
    coldStart: { module: entry, exportName: 'createAgent', argument: { name: 'x' } },
    create() {
      calls.create++;
      return { ready: false };
    },
    async initialize(agent) {
      calls.initialize++;
      await new Promise((resolve) => setTimeout(resolve, 2));
      agent.ready = true;
      return { partsMs: { client: 2 } };
    },
    dispose() {
      calls.dispose++;
    },
    close() {
      calls.close++;
    },
  };
  return { subject, calls };
}

test('a custom subject is benchmarked through the interface and, passed directly, never closed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-bench-custom-init-'));
  const entry = join(dir, 'framework.mjs');
  writeFileSync(entry, 'export function createAgent(options) { return { options }; }\n');
  const { subject, calls } = customSubject(entry);
  const result = await runSuite(createInitializationSuite({ subject }), {
    iterations: 4,
    warmup: 1,
    monitor: false,
  });
  expect(result.metadata['subject']).toBe('my-framework');
  const [cold, warm, lazy] = result.benchmark_results as OkBenchmarkResult[];
  expect([cold?.status, warm?.status, lazy?.status]).toEqual(['ok', 'ok', 'ok']);
  expect(cold?.metadata['entry_module']).toBe(entry);
  // Lazy init slept 2 ms per call: the span holds it; its part time went to metadata.
  expect(lazy?.latency_ms.p50).toBeGreaterThanOrEqual(2);
  expect(lazy?.metadata['parts_ms_p50']).toEqual({ client: 2 });
  expect(lazy?.rating).not.toBe('unrated');
  // Every agent made was disposed; the resident agent of warm start too.
  expect(calls.dispose).toBe(calls.create);
  expect(calls.initialize).toBe(5);
  expect(calls.close).toBe(0);
});

test('a missing cold-start entry skips Cold Start with the fix; the other two still run', async () => {
  const { subject } = customSubject('/nonexistent/dist/entry.js');
  const result = await runSuite(createInitializationSuite({ subject: () => subject }), {
    iterations: 2,
    warmup: 0,
    monitor: false,
  });
  const [cold, warm, lazy] = result.benchmark_results;
  expect(cold?.status).toBe('skipped');
  expect(cold?.status === 'skipped' && cold.reason).toBe(
    'cold-start entry /nonexistent/dist/entry.js is missing: build it first (pnpm build)',
  );
  expect([warm?.status, lazy?.status]).toEqual(['ok', 'ok']);
});
