import type { FailedBenchmarkResult, OkBenchmarkResult, SkippedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, it } from 'vitest';
import { createMemorySuite } from '../src/index';
import { createFakeSubject } from './_memory-fake';

const small = {
  hotSessionTurns: 50,
  hotReadTurns: 20,
  warmSessionTurns: 200,
  warmReadTurns: 10,
  coldSessionTurns: 30,
};

it('times the subject: a hot read sleeping 5 ms gives Hot Tier p50 >= 5 ms; one fresh subject per benchmark, closed', async () => {
  const made: Array<ReturnType<typeof createFakeSubject>> = [];
  const suite = createMemorySuite({
    subject: () => {
      const fake = createFakeSubject({ hotDelayMs: 5 });
      made.push(fake);
      return fake.subject;
    },
    workload: small,
  });
  expect(suite.metadata).toMatchObject({ subject: 'custom (factory)', backend: 'custom' });
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  const [hot, warm, cold] = result.benchmark_results as OkBenchmarkResult[];
  expect(result.benchmark_results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  expect(hot?.latency_ms.p50).toBeGreaterThanOrEqual(5);
  expect(warm?.metadata).toMatchObject({ subject: 'fake subject', session_turns: 200, read_turns: 10 });
  expect(cold?.metadata).toMatchObject({ codec: 'none', rows: 30 });

  expect(made).toHaveLength(3);
  expect(made.map((m) => m.calls.close)).toEqual([1, 1, 1]);
  // Setup read + warmup + measured: every timed call reached the subject; the floor ran as often.
  expect(made[0]?.calls.hot).toBe(1 + (hot?.warmup_iterations ?? 0) + (hot?.iterations ?? 0));
  expect(made[1]?.calls.floor).toBe(1 + (warm?.warmup_iterations ?? 0) + (warm?.iterations ?? 0));
  expect(made[2]?.calls.restore).toBe((cold?.warmup_iterations ?? 0) + (cold?.iterations ?? 0));
});

it('skips, with the reason, each tier the subject does not have', async () => {
  const { subject, calls } = createFakeSubject({ without: ['hot', 'cold'] });
  const result = await runSuite(createMemorySuite({ subject, workload: small }), {
    profile: 'quick',
    monitor: false,
  });
  expect(result.benchmark_results.map((r) => r.status)).toEqual(['skipped', 'ok', 'skipped']);
  expect((result.benchmark_results[0] as SkippedBenchmarkResult).reason).toBe(
    'fake subject has no hot tier (the subject implements no `hot` operations)',
  );
  expect((result.benchmark_results[2] as SkippedBenchmarkResult).reason).toMatch(/no cold tier/);
  // A subject object is shared and never closed by the suite.
  expect(calls.close).toBe(0);
});

it('fails, rather than reporting a number, when reads return the wrong turns or hot reads miss the hot tier', async () => {
  const wrong = createFakeSubject({ warmReadsWrongTurns: true });
  const result = await runSuite(createMemorySuite({ subject: wrong.subject, workload: small }), {
    profile: 'quick',
    monitor: false,
  });
  // (Cold Tier reads back the whole 30-turn session, where oldest and newest are the same turns.)
  expect(result.benchmark_results.map((r) => r.status)).toEqual(['ok', 'failed', 'ok']);
  expect((result.benchmark_results[1] as FailedBenchmarkResult).reason).toMatch(
    /memory_warm_tier setup: the subject returned 10 turns, not the 10 expected turns in order/,
  );

  const missing = createFakeSubject({ reportsHotMisses: true });
  const second = await runSuite(createMemorySuite({ subject: missing.subject, workload: small }), {
    profile: 'quick',
    monitor: false,
  });
  expect(second.benchmark_results[0]?.status).toBe('failed');
  expect((second.benchmark_results[0] as FailedBenchmarkResult).reason).toMatch(
    /a timed read missed the hot tier \(1 misses\)/,
  );
});

it('rejects workloads that cannot work when the suite is created', () => {
  expect(() => createMemorySuite({ workload: { warmReadTurns: 0 } })).toThrow(/workload.warmReadTurns/);
  expect(() => createMemorySuite({ workload: { hotSessionTurns: 10, hotReadTurns: 20 } })).toThrow(
    /more turns than its session has/,
  );
});
