import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedMemorySuiteOptions } from '../options';
import type { MemoryTurn } from '../subject';
import { buildTurns } from '../workload';
import { assertTurns, type Held, obtain, release } from './_lifecycle';

const SESSION = 'memory-hot';

/** Hot Tier: the newest turns of a session from the in-process tier (DESIGN §8-9). */
export function createHotTierBenchmark(options: ResolvedMemorySuiteOptions): BenchmarkDefinition {
  const { hotSessionTurns: sessionTurns, hotReadTurns: readTurns } = options.workload;
  let held: Held | undefined;
  let seeded: MemoryTurn[] = [];
  let expected: MemoryTurn[] = [];
  let last: unknown;
  let misses: number | undefined;
  // The floor's plain in-process store: session id -> array of turns.
  let plain: Map<string, MemoryTurn[]> | undefined;
  return {
    id: 'memory_hot_tier',
    name: 'Hot Tier',
    description:
      `Times subject.hot.read(session, ${readTurns}): the newest ${readTurns} turns of a ${sessionTurns}-turn ` +
      'session from the in-process tier; for the default TieredMemory that is the LRU lookup of the session ' +
      `and a copy of its ${readTurns} newest turns, no I/O. Seeding the session and checking the turns are untimed.`,
    target: { excellentMs: 0.5, targetMs: 1 },
    iterations: 500,
    warmup: 50,
    baseline: {
      name: 'plain array slice',
      description: `Map.get of the session, then slice(-${readTurns}) of a plain array of the same turns: no LRU, no copies, no promise.`,
      setup() {
        plain = new Map([[SESSION, seeded.map((t) => ({ ...t }))]]);
      },
      fn: () => plain!.get(SESSION)!.slice(-readTurns),
      teardown() {
        plain = undefined;
      },
    },
    async requires() {
      const got = await obtain(options, 'hot');
      if ('reason' in got) return got.reason;
      held = got.held;
      return true;
    },
    async setup(ctx) {
      last = undefined;
      const turns = buildTurns(ctx.rng, sessionTurns);
      seeded = turns;
      expected = turns.slice(-readTurns);
      ctx.metadata['subject'] = held!.subject.name;
      ctx.metadata['session_turns'] = sessionTurns;
      ctx.metadata['read_turns'] = readTurns;
      await held!.subject.seed(SESSION, turns);
      // The first read may fill the cache; the timed ones must all be hot.
      assertTurns(await held!.subject.hot!.read(SESSION, readTurns), expected, 'memory_hot_tier setup');
      misses = held!.subject.hot!.misses?.();
    },
    async fn() {
      last = await held!.subject.hot!.read(SESSION, readTurns);
    },
    afterEach() {
      const now = held!.subject.hot!.misses?.();
      // Not a hot number if the read went to slower storage: refuse it.
      if (now !== undefined && misses !== undefined && now > misses) {
        throw new Error(
          `memory_hot_tier: a timed read missed the hot tier (${now - misses} misses); raise the hot tier's bounds so a ${readTurns}-turn read stays in memory.`,
        );
      }
    },
    async teardown(ctx) {
      try {
        if (last !== undefined) assertTurns(last, expected, 'memory_hot_tier');
      } finally {
        seeded = [];
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
