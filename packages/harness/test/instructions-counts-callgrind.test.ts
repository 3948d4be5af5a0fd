// Instruction counting under real valgrind: a known CPU workload (fixtures/json-parse-suite.mjs) counted in
// fresh child processes. Needs valgrind and the built child script (pnpm --filter @kaizen-bench/harness build).
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import {
  checkValgrind,
  type OkBenchmarkResult,
  runSuite,
  type SuiteResult,
  validateSuiteResult,
} from '../src/index';
// @ts-expect-error: a plain JavaScript fixture without types
import { createSuite } from './fixtures/json-parse-suite.mjs';

const fixture = fileURLToPath(new URL('./fixtures/json-parse-suite.mjs', import.meta.url));
const valgrind = await checkValgrind();
if (!valgrind.ok && process.env.CI === 'true') throw new Error(`CI=true: ${valgrind.reason}`);
if (!valgrind.ok) console.warn(`skipping instruction-count tests: ${valgrind.reason}`);

let result: SuiteResult;
const block = (id: string) => {
  const r = result.benchmark_results.find((b) => b.id === id) as OkBenchmarkResult;
  if (r.instructions?.status !== 'ok') throw new Error(`${id}: ${JSON.stringify(r.instructions)}`);
  return r.instructions;
};

beforeAll(async () => {
  if (!valgrind.ok) return;
  // parse_x21 (5% more work) is the CLI's planted-change test; here: the baseline, twice the work, fsync.
  const options = { only: ['parse_x20', 'parse_x40', 'write_fsync'] };
  result = await runSuite(createSuite(options), {
    monitor: false,
    iterations: 5,
    instructions: {
      source: { module: fixture, export: 'createSuite', argument: options },
      repetitions: 3,
      note: 'the caller says what the counts leave out',
    },
  });
}, 240_000);

test.skipIf(!valgrind.ok)(
  'each benchmark gets an instructions block beside its wall-clock fields, valid per the schema',
  () => {
    expect(validateSuiteResult(JSON.parse(JSON.stringify(result)))).toEqual([]);
    for (const r of result.benchmark_results as OkBenchmarkResult[]) {
      expect(r.status).toBe('ok');
      expect(r.latency_ms.p50).toBeGreaterThan(0);
      expect(r.instructions).toMatchObject({ status: 'ok', iterations: 5, node_version: process.version });
    }
    expect(block('parse_x20')).toMatchObject({
      warmup_iterations: 3,
      cost_kind: 'cpu',
      node_flags: expect.arrayContaining(['--single-threaded', '--predictable']),
    });
    expect(block('parse_x20').repetitions).toHaveLength(3);
    // The caller's note goes into every block, after the waiting note where there is one.
    expect(block('parse_x20').note).toBe('the caller says what the counts leave out');
    expect(block('write_fsync').note).toMatch(/CPU part.*; the caller says what the counts leave out$/);
  },
);

test.skipIf(!valgrind.ok)(
  'counts of a known workload are stable across 3 processes: spread below 0.01%',
  () => {
    for (const id of ['parse_x20', 'parse_x40']) {
      const counts = block(id);
      expect(counts.spread).toBeLessThan(1e-4);
      const values = counts.repetitions;
      expect(counts.spread).toBeCloseTo(
        (Math.max(...values) - Math.min(...values)) / counts.instructions_per_iteration,
        12,
      );
    }
  },
);

test.skipIf(!valgrind.ok)('doubling the work doubles the count within 1%', () => {
  const base = block('parse_x20').instructions_per_iteration;
  // ~1 M instructions per JSON.parse of 9 KB: 20 of them are well above the markers' own cost.
  expect(base).toBeGreaterThan(5e6);
  expect(block('parse_x40').instructions_per_iteration / base).toBeGreaterThan(1.98);
  expect(block('parse_x40').instructions_per_iteration / base).toBeLessThan(2.02);
});

test.skipIf(!valgrind.ok)(
  'a waiting benchmark (fsync) is counted and says its count is the CPU part only',
  () => {
    const counts = block('write_fsync');
    expect(counts.cost_kind).toBe('waiting');
    expect(counts.note).toMatch(/CPU part/);
    expect(counts.instructions_per_iteration).toBeGreaterThan(0);
  },
);
