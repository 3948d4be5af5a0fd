import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedMemorySuiteOptions } from '../options';
import type { MemoryTurn } from '../subject';
import { buildTurns } from '../workload';
import { assertTurns, type Held, obtain, release } from './_lifecycle';

const SESSION = 'memory-warm';

/** Warm Tier: the newest turns of a long session from the persistent tier, hot cache bypassed (DESIGN §8-9). */
export function createWarmTierBenchmark(options: ResolvedMemorySuiteOptions): BenchmarkDefinition {
  const { warmSessionTurns: sessionTurns, warmReadTurns: readTurns } = options.workload;
  let held: Held | undefined;
  let expected: MemoryTurn[] = [];
  let last: unknown;
  return {
    id: 'memory_warm_tier',
    name: 'Warm Tier',
    description:
      `Times subject.warm.read(session, ${readTurns}): the newest ${readTurns} turns of a session with ` +
      `${sessionTurns} turns on disk, from the persistent tier with the hot cache bypassed; for the default ` +
      'TieredMemory that is the prepared SELECT ... WHERE session_id = ? ORDER BY seq DESC LIMIT n on its ' +
      '(session_id, seq) primary key (SQLite WAL via better-sqlite3, or PostgreSQL via a pg pool) and mapping ' +
      'the rows to turns, oldest first. Seeding and checking the turns are untimed.',
    target: { excellentMs: 5, targetMs: 10 },
    iterations: 200,
    warmup: 20,
    baseline: {
      name: 'same SELECT, same handle',
      description: `subject.warm.floor(session, ${readTurns}): the same query run directly on the same database handle, rows as the driver returns them; no mapping, ordering or cache.`,
      async setup(ctx) {
        const rows = await held!.subject.warm!.floor(SESSION, readTurns);
        if (Array.isArray(rows) && rows.length !== readTurns) {
          throw new Error(
            `memory_warm_tier: subject.warm.floor returned ${rows.length} rows, not ${readTurns}; make it run the read's query.`,
          );
        }
        ctx.metadata['floor_rows'] = Array.isArray(rows) ? rows.length : null;
      },
      fn: () => held!.subject.warm!.floor(SESSION, readTurns),
    },
    async requires() {
      const got = await obtain(options, 'warm');
      if ('reason' in got) return got.reason;
      held = got.held;
      return true;
    },
    async setup(ctx) {
      last = undefined;
      const turns = buildTurns(ctx.rng, sessionTurns);
      expected = turns.slice(-readTurns);
      ctx.metadata['subject'] = held!.subject.name;
      ctx.metadata['session_turns'] = sessionTurns;
      ctx.metadata['read_turns'] = readTurns;
      ctx.metadata['session_bytes'] = turns.reduce((sum, t) => sum + Buffer.byteLength(t.content), 0);
      await held!.subject.seed(SESSION, turns);
      assertTurns(await held!.subject.warm!.read(SESSION, readTurns), expected, 'memory_warm_tier setup');
    },
    async fn() {
      last = await held!.subject.warm!.read(SESSION, readTurns);
    },
    async teardown(ctx) {
      try {
        if (last !== undefined) assertTurns(last, expected, 'memory_warm_tier');
      } finally {
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
