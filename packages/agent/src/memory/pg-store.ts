import type { Pool, PoolClient } from 'pg';
import { importPg } from './_drivers';
import { MemoryOptionsError, MemorySchemaVersionError } from './errors';
import { connectionError, describePgUrl, parsePgUrl } from './pg-errors';
import {
  type AppendOutcome,
  type ArchiveRecord,
  MEMORY_SCHEMA_VERSION,
  type MemoryStore,
  type StoreCounts,
  type StoreDescription,
  type StoredTurn,
  TABLES,
  chooseOldestBeyond,
} from './store';

/** Connect timeout of the PostgreSQL backend by default, in ms. */
export const DEFAULT_PG_CONNECT_TIMEOUT_MS = 5000;
/** Connections the PostgreSQL backend's pool opens at most by default. */
export const DEFAULT_PG_POOL_SIZE = 4;

/** The PostgreSQL backend: the warm tier and the cold archive in tables of one schema, through a `pg` pool. */
export interface PostgresBackendOptions {
  kind: 'postgres';
  /** `postgres://user:password@host:port/database` (pg's connection string: `?sslmode=` etc. work). */
  url: string;
  /** Schema of the memory tables, created if missing. @default 'public' */
  schema?: string;
  /** Connecting (TCP, TLS, authentication) fails after this long instead of hanging, in ms. @default 5000 */
  connectTimeoutMs?: number;
  /** Pool size. @default 4 */
  poolSize?: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

interface TurnRow {
  role: StoredTurn['role'];
  content: string;
  created_ms: string;
}

function toTurn(row: TurnRow): StoredTurn {
  return { role: row.role, content: row.content, createdMs: Number(row.created_ms) };
}

function columns(turns: readonly StoredTurn[]): [string[], string[], number[]] {
  const roles: string[] = new Array(turns.length);
  const contents: string[] = new Array(turns.length);
  const created: number[] = new Array(turns.length);
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i] as StoredTurn;
    roles[i] = t.role;
    contents[i] = t.content;
    created[i] = t.createdMs;
  }
  return [roles, contents, created];
}

/** SQL of the backend for one schema (table names qualified and quoted). */
function statements(schema: string) {
  const q = (table: string) => `"${schema}".${table}`;
  const [META, SESSIONS, TURNS, ARCHIVES] = [
    q(TABLES.meta),
    q(TABLES.sessions),
    q(TABLES.turns),
    q(TABLES.archives),
  ];
  return {
    schema: [
      `CREATE TABLE IF NOT EXISTS ${META} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS ${SESSIONS} (
         session_id TEXT PRIMARY KEY, turn_count INTEGER NOT NULL, last_active_ms BIGINT NOT NULL)`,
      `CREATE INDEX IF NOT EXISTS ${TABLES.sessions}_last_active ON ${SESSIONS} (last_active_ms)`,
      `CREATE TABLE IF NOT EXISTS ${TURNS} (
         session_id TEXT NOT NULL, seq INTEGER NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL,
         created_ms BIGINT NOT NULL, PRIMARY KEY (session_id, seq))`,
      `CREATE TABLE IF NOT EXISTS ${ARCHIVES} (
         session_id TEXT PRIMARY KEY, codec TEXT NOT NULL, format_version INTEGER NOT NULL,
         turn_count INTEGER NOT NULL, raw_bytes INTEGER NOT NULL, checksum TEXT NOT NULL,
         archived_ms BIGINT NOT NULL, payload BYTEA NOT NULL)`,
    ],
    initVersion: `INSERT INTO ${META} (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO NOTHING`,
    readVersion: `SELECT value FROM ${META} WHERE key = 'schema_version'`,
    // One statement, so one round trip and atomic: a session that has an archive and no warm row is not
    // written; otherwise the session row's count moves on (row-locked) and the turns take the seqs before it.
    append: `WITH archived AS (
        SELECT EXISTS (SELECT 1 FROM ${ARCHIVES} WHERE session_id = $1)
           AND NOT EXISTS (SELECT 1 FROM ${SESSIONS} WHERE session_id = $1) AS yes),
      up AS (
        INSERT INTO ${SESSIONS} (session_id, turn_count, last_active_ms)
        SELECT $1, $2, $3 FROM archived WHERE NOT archived.yes
        ON CONFLICT (session_id) DO UPDATE
          SET turn_count = ${SESSIONS}.turn_count + EXCLUDED.turn_count, last_active_ms = EXCLUDED.last_active_ms
        RETURNING turn_count),
      ins AS (
        INSERT INTO ${TURNS} (session_id, seq, role, content, created_ms)
        SELECT $1, up.turn_count - $2 + t.ord - 1, t.role, t.content, t.created_ms
        FROM up, unnest($4::text[], $5::text[], $6::bigint[]) WITH ORDINALITY AS t(role, content, created_ms, ord))
      SELECT turn_count FROM up`,
    recent: `SELECT role, content, created_ms FROM ${TURNS} WHERE session_id = $1 ORDER BY seq DESC LIMIT $2`,
    all: `SELECT role, content, created_ms FROM ${TURNS} WHERE session_id = $1 ORDER BY seq ASC`,
    // Swaps warm turns for the archive only if the turn count is still the one that was encoded.
    archive: `WITH del AS (
        DELETE FROM ${SESSIONS} WHERE session_id = $1 AND turn_count = $2 RETURNING session_id),
      dt AS (DELETE FROM ${TURNS} WHERE session_id IN (SELECT session_id FROM del)),
      ins AS (
        INSERT INTO ${ARCHIVES} (session_id, codec, format_version, turn_count, raw_bytes, checksum, archived_ms, payload)
        SELECT session_id, $3, $4, $2, $5, $6, $7, $8 FROM del RETURNING session_id)
      SELECT count(*)::int AS swapped FROM ins`,
    readArchive: `SELECT codec, format_version, turn_count, raw_bytes, checksum, archived_ms, payload
      FROM ${ARCHIVES} WHERE session_id = $1`,
    restore: `WITH del AS (
        DELETE FROM ${ARCHIVES} WHERE session_id = $1 AND checksum = $2 RETURNING session_id),
      ins AS (
        INSERT INTO ${TURNS} (session_id, seq, role, content, created_ms)
        SELECT $1, t.ord - 1, t.role, t.content, t.created_ms
        FROM del, unnest($3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS t(role, content, created_ms, ord)),
      up AS (
        INSERT INTO ${SESSIONS} (session_id, turn_count, last_active_ms) SELECT $1, $6, $7 FROM del)
      SELECT count(*)::int AS restored FROM del`,
    delete: `WITH t AS (DELETE FROM ${TURNS} WHERE session_id = $1),
      s AS (DELETE FROM ${SESSIONS} WHERE session_id = $1 RETURNING 1),
      a AS (DELETE FROM ${ARCHIVES} WHERE session_id = $1 RETURNING 1)
      SELECT (SELECT count(*) FROM s)::int + (SELECT count(*) FROM a)::int AS deleted`,
    idle: `SELECT session_id FROM ${SESSIONS} WHERE last_active_ms < $1 ORDER BY last_active_ms`,
    oldest: `SELECT session_id FROM ${SESSIONS} ORDER BY last_active_ms, session_id LIMIT $1`,
    count: (table: 'sessions' | 'turns' | 'archives') =>
      `SELECT count(*)::bigint AS n FROM ${{ sessions: SESSIONS, turns: TURNS, archives: ARCHIVES }[table]}`,
  };
}

type Sql = ReturnType<typeof statements>;

async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error as Error);
    throw error;
  }
}

async function migrate(pool: Pool, schema: string, sql: Sql, where: string): Promise<number> {
  return inTransaction(pool, async (client) => {
    // Two processes opening a fresh database at once: one creates the tables, the other waits here.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kaizen_memory:${schema}`]);
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA "${schema}"`);
    for (const statement of sql.schema) await client.query(statement);
    await client.query(sql.initVersion, [String(MEMORY_SCHEMA_VERSION)]);
    const { rows } = await client.query<{ value: string }>(sql.readVersion);
    const found = Number(rows[0]?.value);
    if (found > MEMORY_SCHEMA_VERSION)
      throw new MemorySchemaVersionError(where, found, MEMORY_SCHEMA_VERSION);
    return found;
  });
}

/** Connects (failing fast with a one-line error), creates the schema if needed and checks its version. */
export async function openPostgresStore(options: PostgresBackendOptions): Promise<MemoryStore> {
  const schema = options.schema ?? 'public';
  if (!IDENTIFIER.test(schema))
    throw new MemoryOptionsError(
      'backend.schema',
      `is ${JSON.stringify(schema)}`,
      'use letters, digits and _',
    );
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_PG_CONNECT_TIMEOUT_MS;
  if (!Number.isInteger(connectTimeoutMs) || connectTimeoutMs < 1)
    throw new MemoryOptionsError(
      'backend.connectTimeoutMs',
      `is ${connectTimeoutMs}`,
      'give a whole number of ms >= 1',
    );
  const poolSize = options.poolSize ?? DEFAULT_PG_POOL_SIZE;
  if (!Number.isInteger(poolSize) || poolSize < 1)
    throw new MemoryOptionsError('backend.poolSize', `is ${poolSize}`, 'give a whole number >= 1');
  const url = parsePgUrl(options.url);
  const pg = await importPg();
  const pool = new pg.Pool({
    connectionString: options.url,
    connectionTimeoutMillis: connectTimeoutMs,
    max: poolSize,
    idleTimeoutMillis: 10_000,
    // An idle pool must not keep a benchmark or CLI process alive.
    allowExitOnIdle: true,
    application_name: 'kaizen-bench-memory',
  });
  // An idle connection dropped by the server is reported here; without a listener it would crash the process.
  pool.on('error', () => undefined);
  const where = `${describePgUrl(url)} (schema ${schema})`;
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionError(error, url, connectTimeoutMs);
  }
  try {
    const sql = statements(schema);
    const schemaVersion = await migrate(pool, schema, sql, where);
    return new PostgresStore(pool, sql, url, schema, schemaVersion, { connectTimeoutMs, poolSize });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

/** What {@link checkPostgresUrl} found. */
export interface PostgresCheck {
  /** `user@host:port/database`, no password. */
  location: string;
  /** e.g. `PostgreSQL 15.18`. */
  serverVersion: string;
}

/**
 * Connects once to a PostgreSQL URL and reads the server version, writing nothing (what `kaizen-bench
 * doctor` runs). Throws {@link MemoryConnectionError} with the fix, or {@link MemoryDriverError} without pg.
 */
export async function checkPostgresUrl(
  rawUrl: string,
  options: { connectTimeoutMs?: number } = {},
): Promise<PostgresCheck> {
  const url = parsePgUrl(rawUrl);
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_PG_CONNECT_TIMEOUT_MS;
  const pg = await importPg();
  const client = new pg.Client({ connectionString: rawUrl, connectionTimeoutMillis: connectTimeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return { location: describePgUrl(url), serverVersion: `PostgreSQL ${rows[0]?.server_version ?? '?'}` };
  } catch (error) {
    throw connectionError(error, url, connectTimeoutMs);
  } finally {
    await client.end().catch(() => undefined);
  }
}

class PostgresStore implements MemoryStore {
  readonly backend = 'postgres' as const;
  // Named statements: each connection of this store's own pool parses and plans them once.
  private readonly recentQuery: { name: string; text: string };

  constructor(
    private readonly pool: Pool,
    private readonly sql: Sql,
    private readonly url: URL,
    private readonly schema: string,
    private readonly schemaVersion: number,
    private readonly settings: { connectTimeoutMs: number; poolSize: number },
  ) {
    this.recentQuery = { name: 'kaizen_memory_recent', text: sql.recent };
  }

  async append(sessionId: string, turns: readonly StoredTurn[], nowMs: number): Promise<AppendOutcome> {
    const { rows } = await this.pool.query<{ turn_count: number }>({
      name: 'kaizen_memory_append',
      text: this.sql.append,
      values: [sessionId, turns.length, nowMs, ...columns(turns)],
    });
    const total = rows[0]?.turn_count;
    if (total === undefined) return { archived: true };
    return { archived: false, firstSeq: total - turns.length, total };
  }

  async recent(sessionId: string, n: number): Promise<StoredTurn[]> {
    const { rows } = await this.pool.query<TurnRow>({ ...this.recentQuery, values: [sessionId, n] });
    const turns: StoredTurn[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) turns[rows.length - 1 - i] = toTurn(rows[i] as TurnRow);
    return turns;
  }

  async selectRecentRows(sessionId: string, n: number): Promise<unknown[]> {
    return (await this.pool.query({ ...this.recentQuery, values: [sessionId, n] })).rows;
  }

  async explainRecent(sessionId: string, n: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${this.sql.recent}`, [
      sessionId,
      n,
    ]);
    return rows.map((row) => row['QUERY PLAN']);
  }

  async archive(
    sessionId: string,
    encode: (turns: StoredTurn[]) => Promise<Omit<ArchiveRecord, 'sessionId' | 'archivedMs'>>,
    nowMs: number,
  ): Promise<ArchiveRecord | undefined> {
    for (let attempt = 0; ; attempt++) {
      const { rows } = await this.pool.query<TurnRow>(this.sql.all, [sessionId]);
      if (rows.length === 0) return undefined;
      const encoded = await encode(rows.map(toTurn));
      const record: ArchiveRecord = { sessionId, archivedMs: nowMs, ...encoded };
      const result = await this.pool.query<{ swapped: number }>(this.sql.archive, [
        sessionId,
        record.turnCount,
        record.codec,
        record.formatVersion,
        record.rawBytes,
        record.checksum,
        record.archivedMs,
        record.payload,
      ]);
      if (result.rows[0]?.swapped === 1) return record;
      if (attempt >= 5) throw new Error(`archive(${JSON.stringify(sessionId)}): turns kept being appended`);
    }
  }

  async readArchive(sessionId: string): Promise<ArchiveRecord | undefined> {
    const { rows } = await this.pool.query<{
      codec: string;
      format_version: number;
      turn_count: number;
      raw_bytes: number;
      checksum: string;
      archived_ms: string;
      payload: Buffer;
    }>(this.sql.readArchive, [sessionId]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      sessionId,
      codec: row.codec,
      formatVersion: row.format_version,
      turnCount: row.turn_count,
      rawBytes: row.raw_bytes,
      checksum: row.checksum,
      archivedMs: Number(row.archived_ms),
      payload: row.payload,
    };
  }

  async restore(record: ArchiveRecord, turns: readonly StoredTurn[], nowMs: number): Promise<boolean> {
    const { rows } = await this.pool.query<{ restored: number }>(this.sql.restore, [
      record.sessionId,
      record.checksum,
      ...columns(turns),
      turns.length,
      nowMs,
    ]);
    return rows[0]?.restored === 1;
  }

  async delete(sessionId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ deleted: number }>(this.sql.delete, [sessionId]);
    return (rows[0]?.deleted ?? 0) > 0;
  }

  async demotionCandidates(
    idleBeforeMs: number | undefined,
    maxSessions: number | undefined,
  ): Promise<string[]> {
    const chosen = new Set<string>();
    if (idleBeforeMs !== undefined) {
      const { rows } = await this.pool.query<{ session_id: string }>(this.sql.idle, [idleBeforeMs]);
      for (const row of rows) chosen.add(row.session_id);
    }
    if (maxSessions !== undefined) {
      const { sessions } = await this.counts();
      const excess = sessions - chosen.size - maxSessions;
      if (excess > 0) {
        // The oldest `excess + already chosen` cover the excess whatever overlap there is.
        const { rows } = await this.pool.query<{ session_id: string }>(this.sql.oldest, [
          excess + chosen.size,
        ]);
        chooseOldestBeyond(chosen, rows, excess);
      }
    }
    return [...chosen];
  }

  async counts(): Promise<StoreCounts> {
    const count = async (table: 'sessions' | 'turns' | 'archives') =>
      Number((await this.pool.query<{ n: string }>(this.sql.count(table))).rows[0]?.n ?? 0);
    return {
      sessions: await count('sessions'),
      turns: await count('turns'),
      archives: await count('archives'),
    };
  }

  async describe(): Promise<StoreDescription> {
    const show = async (name: string) =>
      String((await this.pool.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name] ?? '?');
    return {
      backend: 'postgres',
      location: `${describePgUrl(this.url)} (schema ${this.schema})`,
      serverVersion: `PostgreSQL ${await show('server_version')}`,
      schemaVersion: this.schemaVersion,
      settings: {
        synchronous_commit: await show('synchronous_commit'),
        fsync: await show('fsync'),
        wal_level: await show('wal_level'),
        shared_buffers: await show('shared_buffers'),
        pool_size: this.settings.poolSize,
        connect_timeout_ms: this.settings.connectTimeoutMs,
      },
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
