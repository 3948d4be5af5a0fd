import type { MemorySubject, MemoryTurn } from '@kaizen-bench/suite-memory';
import { type BaseStore, InMemoryStore, type Item } from '@langchain/langgraph-checkpoint';
import {
  missingPgUrl,
  type PgQueryable,
  privatePool,
  redactUrl,
  schemaBytes,
  uniqueSchema,
} from '../_pg-internals';
import type { LanggraphBackend } from '../options';

/** Options of {@link createLanggraphMemorySubject}. */
export interface LanggraphMemorySubjectOptions {
  backend: LanggraphBackend;
  /** PostgreSQL URL of the PostgresStore, required for `postgres`. */
  pgUrl?: string;
}

/** Namespace root of the turns: `[root, sessionId]`. */
// PostgresStore rejects LIKE wildcards ('_', '%') in namespace labels.
export const MEMORY_NAMESPACE_ROOT = 'kaizen-bench-memory';

export const NO_COLD_TIER_REASON =
  'LangGraph has no archive tier: its stores offer put / get / search / delete / listNamespaces, no compressed archive or restore (moving a namespace by hand would be emulation, not LangGraph)';

const NO_WARM_TIER: Record<Exclude<LanggraphBackend, 'postgres'>, string> = {
  memory:
    'InMemoryStore keeps nothing on disk, and LangGraph.js has no other local store: run langgraph-postgres for the persistent tier (PostgresStore)',
  sqlite:
    'LangGraph.js has no SQLite store (@langchain/langgraph-checkpoint-sqlite ships only SqliteSaver): run langgraph-postgres for the persistent tier (PostgresStore)',
};

// Seeding puts go to the stores in batches of this many, to PostgresStore over this many pooled connections.
const SEED_BATCH = 1000;
const SEED_LANES = 8;

/** Name of the subject in results. */
export function langgraphMemorySubjectName(backend: LanggraphBackend): string {
  return backend === 'postgres' ? 'LangGraph InMemoryStore + PostgresStore' : 'LangGraph InMemoryStore';
}

/** The newest `n` turns through `search` with a filter on the turn's sequence number, sorted by it. */
async function readNewest(
  store: BaseStore,
  sessionId: string,
  total: number,
  n: number,
): Promise<MemoryTurn[]> {
  const items = await store.search([MEMORY_NAMESPACE_ROOT, sessionId], {
    filter: { seq: { $gte: total - n } },
    limit: n,
  });
  // Stores order search results differently (insertion order in memory, created_at DESC on PostgreSQL).
  return items
    .sort((a: Item, b: Item) => (a.value['seq'] as number) - (b.value['seq'] as number))
    .map((item) => ({
      role: item.value['role'] as MemoryTurn['role'],
      content: item.value['content'] as string,
    }));
}

/**
 * A Memory subject on LangGraph's stores: one item per turn (`key` = zero-padded sequence number, `value` =
 * `{ seq, role, content }`) in namespace `[root, sessionId]`. Hot = `InMemoryStore`; Warm = `PostgresStore`
 * (postgres backend only); reads are `store.search(ns, { filter: { seq: { $gte } }, limit })`. Cold is
 * declared unsupported: LangGraph has no archive.
 */
export async function createLanggraphMemorySubject(
  options: LanggraphMemorySubjectOptions,
): Promise<MemorySubject> {
  const { backend } = options;
  const hotStore = new InMemoryStore();
  let warmStore: BaseStore | undefined;
  let pool: PgQueryable | undefined;
  let schema: string | undefined;
  let stop = async () => {};
  if (backend === 'postgres') {
    if (!options.pgUrl) throw missingPgUrl('the langgraph-postgres store');
    const { PostgresStore } = await import('@langchain/langgraph-checkpoint-postgres/store');
    schema = uniqueSchema('store');
    const store = PostgresStore.fromConnString(options.pgUrl, { schema });
    pool = privatePool(store, ['core', 'pool']);
    const dropSchema = pool.query.bind(pool, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    stop = async () => {
      try {
        await dropSchema();
      } finally {
        await store.stop();
      }
    };
    try {
      await store.setup();
    } catch (error) {
      await store.stop().catch(() => {});
      throw new Error(
        `PostgresStore.setup() failed on ${redactUrl(options.pgUrl)}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    warmStore = store;
  }
  const lengths = new Map<string, number>();
  const totalOf = (sessionId: string): number => {
    const total = lengths.get(sessionId);
    if (total === undefined) throw new Error(`session ${sessionId} was not seeded`);
    return total;
  };
  const floorSql = `
      SELECT namespace_path, key, value, created_at, updated_at
      FROM "${schema}".store
      WHERE namespace_path LIKE $1
        AND (expires_at IS NULL OR expires_at > CURRENT_TIMESTAMP)
       AND ((value ->> $2)::numeric >= $3) ORDER BY created_at DESC LIMIT $4 OFFSET $5`;
  return {
    name: langgraphMemorySubjectName(backend),
    unsupported: {
      cold: NO_COLD_TIER_REASON,
      ...(backend === 'postgres' ? {} : { warm: NO_WARM_TIER[backend] }),
    },
    async seed(sessionId, turns) {
      const namespace = [MEMORY_NAMESPACE_ROOT, sessionId];
      for (let i = 0; i < turns.length; i += SEED_BATCH) {
        const puts = turns.slice(i, i + SEED_BATCH).map((turn, j) => ({
          namespace,
          key: String(i + j).padStart(9, '0'),
          value: { seq: i + j, role: turn.role, content: turn.content },
        }));
        await hotStore.batch(puts);
        if (warmStore) {
          // PostgresStore commits each put on its own: several batches at once share the commit flushes.
          const lanes = Array.from({ length: SEED_LANES }, (_, lane) =>
            puts.filter((_, k) => k % SEED_LANES === lane),
          );
          await Promise.all(lanes.map((lane) => warmStore.batch(lane)));
        }
      }
      lengths.set(sessionId, turns.length);
    },
    hot: { read: (sessionId, n) => readNewest(hotStore, sessionId, totalOf(sessionId), n) },
    ...(warmStore && pool
      ? {
          warm: {
            read: (sessionId: string, n: number) => readNewest(warmStore, sessionId, totalOf(sessionId), n),
            // The SELECT PostgresStore.search runs for this filter, on the store's own pool: rows as pg returns them.
            floor: async (sessionId: string, n: number) =>
              (
                await pool.query(floorSql, [
                  `${MEMORY_NAMESPACE_ROOT}:${sessionId}%`,
                  'seq',
                  totalOf(sessionId) - n,
                  n,
                  0,
                ])
              ).rows,
          },
        }
      : {}),
    async describe() {
      return {
        backend,
        hot: 'InMemoryStore',
        warm: schema ? `PostgresStore in schema ${schema}, dropped on close` : null,
        read: 'store.search([root, session], { filter: { seq: { $gte: total - n } }, limit: n }), sorted by seq',
        ...(pool && schema
          ? {
              server_version: (await pool.query('SHOW server_version')).rows[0]?.['server_version'],
              warm_stored_bytes: await schemaBytes(pool, schema),
            }
          : {}),
        sessions: Object.fromEntries(lengths),
      };
    },
    close: () => stop(),
  };
}
