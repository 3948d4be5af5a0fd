import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { importBetterSqlite3, sqliteBinaryError } from './_drivers';
import { MemoryOptionsError, MemorySchemaVersionError } from './errors';
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

/** SQLite `synchronous` setting of the warm tier. */
export type SqliteSynchronous = 'off' | 'normal' | 'full' | 'extra';

/** The SQLite backend: one database file holding the warm tier and the cold archive. */
export interface SqliteBackendOptions {
  kind: 'sqlite';
  /** Database file; its directory is created. One process writes a session at a time. */
  path: string;
  /**
   * `normal` (the default with WAL) keeps every committed append through a crash of the process (SIGKILL);
   * a power cut may lose the last commits, never consistency. `full` syncs the WAL on each commit too.
   * @default 'normal'
   */
  synchronous?: SqliteSynchronous;
  /** How long a write waits for another connection's write lock, in ms. @default 5000 */
  busyTimeoutMs?: number;
}

const { meta: META, sessions: SESSIONS, turns: TURNS, archives: ARCHIVES } = TABLES;

// WITHOUT ROWID: turns are stored in primary-key order, so a session's last N turns are one descending
// index range read, and the (session_id, seq) key is the only index to maintain.
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS ${META} (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${SESSIONS} (
     session_id TEXT PRIMARY KEY, turn_count INTEGER NOT NULL, last_active_ms INTEGER NOT NULL
   ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS ${SESSIONS}_last_active ON ${SESSIONS} (last_active_ms)`,
  `CREATE TABLE IF NOT EXISTS ${TURNS} (
     session_id TEXT NOT NULL, seq INTEGER NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL,
     created_ms INTEGER NOT NULL, PRIMARY KEY (session_id, seq)
   ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS ${ARCHIVES} (
     session_id TEXT PRIMARY KEY, codec TEXT NOT NULL, format_version INTEGER NOT NULL,
     turn_count INTEGER NOT NULL, raw_bytes INTEGER NOT NULL, checksum TEXT NOT NULL,
     archived_ms INTEGER NOT NULL, payload BLOB NOT NULL
   )`,
];

/** The recent-turns query: the warm tier's hot path, also what the Memory suite's floor runs. */
export const SQLITE_RECENT_SQL = `SELECT role, content, created_ms FROM ${TURNS} WHERE session_id = ? ORDER BY seq DESC LIMIT ?`;

interface TurnRow {
  role: StoredTurn['role'];
  content: string;
  created_ms: number;
}

interface ArchiveRow {
  codec: string;
  format_version: number;
  turn_count: number;
  raw_bytes: number;
  checksum: string;
  archived_ms: number;
  payload: Buffer;
}

function toTurn(row: TurnRow): StoredTurn {
  return { role: row.role, content: row.content, createdMs: row.created_ms };
}

function migrate(db: Database, path: string): number {
  return db
    .transaction(() => {
      for (const statement of SCHEMA) db.exec(statement);
      db.prepare(`INSERT OR IGNORE INTO ${META} (key, value) VALUES ('schema_version', ?)`).run(
        String(MEMORY_SCHEMA_VERSION),
      );
      const row = db.prepare(`SELECT value FROM ${META} WHERE key = 'schema_version'`).get() as {
        value: string;
      };
      const found = Number(row.value);
      if (found > MEMORY_SCHEMA_VERSION)
        throw new MemorySchemaVersionError(path, found, MEMORY_SCHEMA_VERSION);
      return found;
    })
    .immediate();
}

/** Opens (creating if needed) the SQLite database: WAL, the given `synchronous`, schema checked. */
export async function openSqliteStore(options: SqliteBackendOptions): Promise<MemoryStore> {
  const synchronous = options.synchronous ?? 'normal';
  if (!['off', 'normal', 'full', 'extra'].includes(synchronous))
    throw new MemoryOptionsError(
      'backend.synchronous',
      `is ${JSON.stringify(synchronous)}`,
      "use 'normal' or 'full'",
    );
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  if (typeof options.path !== 'string' || options.path === '')
    throw new MemoryOptionsError('backend.path', 'is empty', 'give the SQLite database file');
  const path = options.path === ':memory:' ? options.path : resolve(options.path);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });

  const DatabaseClass = await importBetterSqlite3();
  let db: Database;
  try {
    db = new DatabaseClass(path, { timeout: busyTimeoutMs });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_')) throw error;
    throw sqliteBinaryError(error);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    const schemaVersion = migrate(db, path);
    return new SqliteStore(db, path, schemaVersion);
  } catch (error) {
    db.close();
    throw error;
  }
}

class SqliteStore implements MemoryStore {
  readonly backend = 'sqlite' as const;
  private readonly statements: {
    session: Statement<[string], { turn_count: number }>;
    hasArchive: Statement<[string], { one: number }>;
    insertTurn: Statement<[string, number, string, string, number]>;
    upsertSession: Statement<[string, number, number]>;
    recent: Statement<[string, number], TurnRow>;
    all: Statement<[string], TurnRow>;
    deleteSessionIfCount: Statement<[string, number]>;
    deleteTurns: Statement<[string]>;
    insertArchive: Statement<[string, string, number, number, number, string, number, Buffer]>;
    readArchive: Statement<[string], ArchiveRow>;
    deleteArchive: Statement<[string, string]>;
    deleteSession: Statement<[string]>;
    deleteAnyArchive: Statement<[string]>;
  };

  constructor(
    private readonly db: Database,
    private readonly path: string,
    private readonly schemaVersion: number,
  ) {
    this.statements = {
      session: db.prepare(`SELECT turn_count FROM ${SESSIONS} WHERE session_id = ?`),
      hasArchive: db.prepare(`SELECT 1 AS one FROM ${ARCHIVES} WHERE session_id = ?`),
      insertTurn: db.prepare(
        `INSERT INTO ${TURNS} (session_id, seq, role, content, created_ms) VALUES (?, ?, ?, ?, ?)`,
      ),
      upsertSession: db.prepare(
        `INSERT INTO ${SESSIONS} (session_id, turn_count, last_active_ms) VALUES (?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET turn_count = excluded.turn_count, last_active_ms = excluded.last_active_ms`,
      ),
      recent: db.prepare(SQLITE_RECENT_SQL),
      all: db.prepare(`SELECT role, content, created_ms FROM ${TURNS} WHERE session_id = ? ORDER BY seq ASC`),
      deleteSessionIfCount: db.prepare(`DELETE FROM ${SESSIONS} WHERE session_id = ? AND turn_count = ?`),
      deleteTurns: db.prepare(`DELETE FROM ${TURNS} WHERE session_id = ?`),
      insertArchive: db.prepare(
        `INSERT INTO ${ARCHIVES} (session_id, codec, format_version, turn_count, raw_bytes, checksum, archived_ms, payload)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      readArchive: db.prepare(
        `SELECT codec, format_version, turn_count, raw_bytes, checksum, archived_ms, payload FROM ${ARCHIVES} WHERE session_id = ?`,
      ),
      deleteArchive: db.prepare(`DELETE FROM ${ARCHIVES} WHERE session_id = ? AND checksum = ?`),
      deleteSession: db.prepare(`DELETE FROM ${SESSIONS} WHERE session_id = ?`),
      deleteAnyArchive: db.prepare(`DELETE FROM ${ARCHIVES} WHERE session_id = ?`),
    };
  }

  async append(sessionId: string, turns: readonly StoredTurn[], nowMs: number): Promise<AppendOutcome> {
    const s = this.statements;
    // BEGIN IMMEDIATE: take the write lock up front, so two writers never deadlock upgrading a read lock.
    return this.db
      .transaction((): AppendOutcome => {
        const session = s.session.get(sessionId);
        if (!session && s.hasArchive.get(sessionId)) return { archived: true };
        const firstSeq = session?.turn_count ?? 0;
        for (let i = 0; i < turns.length; i++) {
          const t = turns[i] as StoredTurn;
          s.insertTurn.run(sessionId, firstSeq + i, t.role, t.content, t.createdMs);
        }
        s.upsertSession.run(sessionId, firstSeq + turns.length, nowMs);
        return { archived: false, firstSeq, total: firstSeq + turns.length };
      })
      .immediate();
  }

  async recent(sessionId: string, n: number): Promise<StoredTurn[]> {
    const rows = this.statements.recent.all(sessionId, n);
    const turns: StoredTurn[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) turns[rows.length - 1 - i] = toTurn(rows[i] as TurnRow);
    return turns;
  }

  async selectRecentRows(sessionId: string, n: number): Promise<unknown[]> {
    return this.statements.recent.all(sessionId, n);
  }

  async explainRecent(sessionId: string, n: number): Promise<string[]> {
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${SQLITE_RECENT_SQL}`).all(sessionId, n) as Array<{
      detail: string;
    }>;
    return rows.map((row) => row.detail);
  }

  async archive(
    sessionId: string,
    encode: (turns: StoredTurn[]) => Promise<Omit<ArchiveRecord, 'sessionId' | 'archivedMs'>>,
    nowMs: number,
  ): Promise<ArchiveRecord | undefined> {
    const s = this.statements;
    // Read, encode (async, off the write lock), then swap in one transaction if nothing was appended meanwhile.
    for (let attempt = 0; ; attempt++) {
      const turns = s.all.all(sessionId).map(toTurn);
      if (turns.length === 0) return undefined;
      const encoded = await encode(turns);
      const record: ArchiveRecord = { sessionId, archivedMs: nowMs, ...encoded };
      const swapped = this.db
        .transaction(() => {
          if (s.deleteSessionIfCount.run(sessionId, turns.length).changes !== 1) return false;
          s.deleteTurns.run(sessionId);
          s.insertArchive.run(
            sessionId,
            record.codec,
            record.formatVersion,
            record.turnCount,
            record.rawBytes,
            record.checksum,
            record.archivedMs,
            record.payload,
          );
          return true;
        })
        .immediate();
      if (swapped) return record;
      if (attempt >= 5) throw new Error(`archive(${JSON.stringify(sessionId)}): turns kept being appended`);
    }
  }

  async readArchive(sessionId: string): Promise<ArchiveRecord | undefined> {
    const row = this.statements.readArchive.get(sessionId);
    if (!row) return undefined;
    return {
      sessionId,
      codec: row.codec,
      formatVersion: row.format_version,
      turnCount: row.turn_count,
      rawBytes: row.raw_bytes,
      checksum: row.checksum,
      archivedMs: row.archived_ms,
      payload: row.payload,
    };
  }

  async restore(record: ArchiveRecord, turns: readonly StoredTurn[], nowMs: number): Promise<boolean> {
    const s = this.statements;
    return this.db
      .transaction(() => {
        if (s.deleteArchive.run(record.sessionId, record.checksum).changes !== 1) return false;
        for (let i = 0; i < turns.length; i++) {
          const t = turns[i] as StoredTurn;
          s.insertTurn.run(record.sessionId, i, t.role, t.content, t.createdMs);
        }
        s.upsertSession.run(record.sessionId, turns.length, nowMs);
        return true;
      })
      .immediate();
  }

  async delete(sessionId: string): Promise<boolean> {
    const s = this.statements;
    return this.db
      .transaction(() => {
        s.deleteTurns.run(sessionId);
        const sessions = s.deleteSession.run(sessionId).changes;
        return sessions + s.deleteAnyArchive.run(sessionId).changes > 0;
      })
      .immediate();
  }

  async demotionCandidates(
    idleBeforeMs: number | undefined,
    maxSessions: number | undefined,
  ): Promise<string[]> {
    const chosen = new Set<string>();
    if (idleBeforeMs !== undefined) {
      const rows = this.db
        .prepare(`SELECT session_id FROM ${SESSIONS} WHERE last_active_ms < ? ORDER BY last_active_ms`)
        .all(idleBeforeMs) as Array<{ session_id: string }>;
      for (const row of rows) chosen.add(row.session_id);
    }
    if (maxSessions !== undefined) {
      const { n } = this.db.prepare(`SELECT count(*) AS n FROM ${SESSIONS}`).get() as { n: number };
      const excess = n - chosen.size - maxSessions;
      if (excess > 0) {
        const rows = this.db
          .prepare(`SELECT session_id FROM ${SESSIONS} ORDER BY last_active_ms, session_id`)
          .iterate() as IterableIterator<{ session_id: string }>;
        chooseOldestBeyond(chosen, rows, excess);
      }
    }
    return [...chosen];
  }

  async counts(): Promise<StoreCounts> {
    const count = (table: string) =>
      (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { sessions: count(SESSIONS), turns: count(TURNS), archives: count(ARCHIVES) };
  }

  async describe(): Promise<StoreDescription> {
    const { version } = this.db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
    return {
      backend: 'sqlite',
      location: this.path,
      serverVersion: `SQLite ${version}`,
      schemaVersion: this.schemaVersion,
      settings: {
        journal_mode: String(this.db.pragma('journal_mode', { simple: true })),
        synchronous:
          ['off', 'normal', 'full', 'extra'][Number(this.db.pragma('synchronous', { simple: true }))] ?? '?',
        busy_timeout_ms: Number(this.db.pragma('busy_timeout', { simple: true })),
        page_size: Number(this.db.pragma('page_size', { simple: true })),
      },
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
