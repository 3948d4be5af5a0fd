import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTieredMemory, type TieredMemory, type TieredMemoryOptions } from '@kaizen-bench/agent';
import type { MemorySubject, MemoryTurn } from './subject';

/** Name of the default subject in results. */
export const TIERED_SUBJECT_NAME = 'TieredMemory (@kaizen-bench/agent)';

/** PostgreSQL schema of the default subject's tables. */
export const DEFAULT_PG_SCHEMA = 'kaizen_bench_memory';

// Appends in chunks: one transaction (SQLite) or statement (PostgreSQL) per 1000 turns while seeding.
const SEED_CHUNK = 1000;

export interface TieredMemorySubjectOptions {
  /**
   * PostgreSQL URL of the warm tier and the archive (`postgres://user:password@host:port/database`).
   * @default none: SQLite (WAL) in a fresh temp directory, removed on close()
   */
  pgUrl?: string;
  /** Schema of the tables on PostgreSQL; the subject deletes the sessions it wrote on close(). @default 'kaizen_bench_memory' */
  pgSchema?: string;
  /** Other options of `openTieredMemory` (hot-tier bounds, archive codec). */
  memory?: Omit<TieredMemoryOptions, 'backend'>;
}

/**
 * The default subject: `openTieredMemory` of `@kaizen-bench/agent`. Hot = `recent(id, n)` answered by the
 * in-process tier; Warm = `recent(id, n, { bypassHot: true })`, floor = `selectRecentRows` (the same SELECT
 * on the same handle); Cold = `archive` then the timed `restore`.
 */
export async function createTieredMemorySubject(
  options: TieredMemorySubjectOptions = {},
): Promise<MemorySubject> {
  const dir = options.pgUrl ? undefined : await mkdtemp(join(tmpdir(), 'kaizen-bench-memory-'));
  let memory: TieredMemory;
  try {
    memory = await openTieredMemory({
      ...options.memory,
      backend: options.pgUrl
        ? { kind: 'postgres', url: options.pgUrl, schema: options.pgSchema ?? DEFAULT_PG_SCHEMA }
        : { kind: 'sqlite', path: join(dir as string, 'memory.db') },
    });
  } catch (error) {
    if (dir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const seeded = new Set<string>();
  let plans: Record<string, string[]> = {};
  return {
    name: TIERED_SUBJECT_NAME,
    async seed(sessionId, turns) {
      // A rerun on the same PostgreSQL schema starts from an empty session.
      await memory.delete(sessionId);
      seeded.add(sessionId);
      for (let i = 0; i < turns.length; i += SEED_CHUNK)
        await memory.append(sessionId, turns.slice(i, i + SEED_CHUNK));
      plans[sessionId] = await memory.explainRecent(sessionId, 10);
    },
    hot: {
      read: (sessionId, n) => memory.recent(sessionId, n) as Promise<MemoryTurn[]>,
      misses: () => memory.stats().hot.misses,
    },
    warm: {
      read: (sessionId, n) => memory.recent(sessionId, n, { bypassHot: true }) as Promise<MemoryTurn[]>,
      floor: (sessionId, n) => memory.selectRecentRows(sessionId, n),
    },
    cold: {
      async archive(sessionId) {
        const archived = await memory.archive(sessionId);
        return { bytes: archived.bytes, rawBytes: archived.rawBytes, codec: archived.codec };
      },
      restore: (sessionId) => memory.restore(sessionId),
    },
    async describe() {
      const facts = await memory.describe();
      return {
        backend: facts.backend,
        server_version: facts.serverVersion,
        location: facts.location,
        schema_version: facts.schemaVersion,
        settings: facts.settings,
        rows: facts.rows,
        hot: facts.hot,
        archive_codec: facts.archiveCodec,
        tier_stats: memory.stats(),
        recent_query_plan: plans,
      };
    },
    async close() {
      try {
        // On PostgreSQL the tables stay (in their own schema); what this subject wrote goes.
        if (!dir) for (const sessionId of seeded) await memory.delete(sessionId);
      } finally {
        seeded.clear();
        plans = {};
        await memory.close();
        if (dir) await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
