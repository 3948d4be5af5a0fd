import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedMemorySuiteOptions } from '../options';
import type { MemoryArchiveFacts, MemoryTurn } from '../subject';
import { buildTurns } from '../workload';
import { assertTurns, type Held, obtain, release } from './_lifecycle';

const SESSION = 'memory-cold';

function recordArchive(metadata: Record<string, unknown>, facts: MemoryArchiveFacts, rows: number): void {
  metadata['codec'] = facts.codec ?? 'unknown';
  metadata['archive_bytes'] = facts.bytes;
  metadata['raw_bytes'] = facts.rawBytes;
  metadata['compression_ratio'] =
    facts.bytes > 0 ? Math.round((facts.rawBytes / facts.bytes) * 1000) / 1000 : null;
  metadata['rows'] = rows;
}

/** Cold Tier: restore of an archived session into the warm and hot tiers (DESIGN §8-9). */
export function createColdTierBenchmark(options: ResolvedMemorySuiteOptions): BenchmarkDefinition {
  const { coldSessionTurns: sessionTurns } = options.workload;
  let held: Held | undefined;
  let turns: MemoryTurn[] = [];
  let archived: MemoryArchiveFacts | undefined;
  let restores = 0;
  /** Untimed: the session must be whole after every restore (warm tier if the subject has one, else hot). */
  const verify = async (what: string) => {
    const { subject } = held!;
    const read = subject.warm
      ? subject.warm.read(SESSION, sessionTurns)
      : subject.hot?.read(SESSION, sessionTurns);
    if (read) assertTurns(await read, turns, what);
  };
  return {
    id: 'memory_cold_tier',
    name: 'Cold Tier',
    description:
      `Times subject.cold.restore(session) of an archived ${sessionTurns}-turn session (archived untimed before ` +
      'each iteration); for the default TieredMemory that is reading the archive row, SHA-256 check, brotli ' +
      'decompression, JSON decode, inserting the turns into the warm tier and deleting the archive in one ' +
      'transaction, then filling the hot tier. Checking the restored turns is untimed.',
    target: { excellentMs: 50, targetMs: 100 },
    iterations: 50,
    warmup: 5,
    async requires() {
      const got = await obtain(options, 'cold');
      if ('reason' in got) return got.reason;
      held = got.held;
      return true;
    },
    async setup(ctx) {
      archived = undefined;
      restores = 0;
      turns = buildTurns(ctx.rng, sessionTurns);
      ctx.metadata['subject'] = held!.subject.name;
      ctx.metadata['session_turns'] = sessionTurns;
      await held!.subject.seed(SESSION, turns);
      await verify('memory_cold_tier setup');
    },
    async beforeEach() {
      archived = await held!.subject.cold!.archive(SESSION);
    },
    async fn() {
      await held!.subject.cold!.restore(SESSION);
    },
    async afterEach() {
      restores++;
      await verify('memory_cold_tier');
    },
    async teardown(ctx) {
      try {
        if (archived) recordArchive(ctx.metadata, archived, sessionTurns);
        ctx.metadata['restores'] = restores;
      } finally {
        await release(ctx, held);
        held = undefined;
        turns = [];
      }
    },
  };
}
