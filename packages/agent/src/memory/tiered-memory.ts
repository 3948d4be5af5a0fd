import type { ConversationMemory } from '../agent/memory';
import type { ChatMessage } from '../llm/types';
import { importLruCache } from './_drivers';
import { type ArchiveCodec, decodeArchive, encodeArchive, isArchiveCodec } from './archive-codec';
import { MemoryClosedError, MemoryOptionsError, MemorySessionNotFoundError, MemoryTurnError } from './errors';
import {
  DEFAULT_HOT_SESSIONS,
  DEFAULT_HOT_TURNS_PER_SESSION,
  HotTier,
  type HotTierOptions,
} from './hot-tier';
import { openPostgresStore, type PostgresBackendOptions } from './pg-store';
import { openSqliteStore, type SqliteBackendOptions } from './sqlite-store';
import { type ArchiveRecord, isTurnRole, type MemoryStore, type StoredTurn } from './store';

/** Codec of the cold archive by default: brotli (quality 3), as for compressed checkpoints. */
export const DEFAULT_ARCHIVE_CODEC: ArchiveCodec = 'brotli';

/**
 * When {@link TieredMemory.demote} moves sessions from the warm tier to the cold archive. Nothing is
 * demoted unless a limit is set, and only when `demote()` is called.
 */
export interface DemotionPolicy {
  /** Sessions with no turn appended for longer than this are archived, in ms. */
  maxIdleMs?: number;
  /** At most this many sessions stay in the warm tier; the least recently appended-to beyond it are archived. */
  maxWarmSessions?: number;
}

/** Options of {@link openTieredMemory}. */
export interface TieredMemoryOptions {
  /** Where the warm tier and the cold archive live: an SQLite file, or a PostgreSQL database. */
  backend: SqliteBackendOptions | PostgresBackendOptions;
  /** Bounds of the in-process hot tier. @default { maxSessions: 1000, maxTurnsPerSession: 200 } */
  hot?: HotTierOptions;
  /** Codec of archived sessions. @default 'brotli' */
  archiveCodec?: ArchiveCodec;
  /** Demotion policy of {@link TieredMemory.demote}. @default none (nothing is demoted) */
  demotion?: DemotionPolicy;
  /** Clock of turn timestamps and idle times, ms since the epoch. @default Date.now */
  now?: () => number;
}

/** Options of {@link TieredMemory.recent}. */
export interface RecentOptions {
  /** Read from the warm tier even if the hot tier holds the turns, and leave the hot tier as it is. @default false */
  bypassHot?: boolean;
}

/** Hits and misses of one tier. */
export interface TierCounts {
  hits: number;
  misses: number;
}

/**
 * Where `recent` found its turns. A hot miss goes to the warm tier; a warm miss (no turns) to the cold
 * archive, whose hit restores the session. `bypassHot` reads count only for the warm tier.
 */
export interface TieredMemoryStats {
  hot: TierCounts;
  warm: TierCounts;
  cold: TierCounts;
  /** Sessions archived (by `archive` or `demote`). */
  archived: number;
  /** Sessions restored (by `restore`, or promoted on access). */
  restored: number;
}

/** What {@link TieredMemory.archive} stored. */
export interface ArchiveResult {
  sessionId: string;
  turns: number;
  /** Bytes of the archive before compression. */
  rawBytes: number;
  /** Bytes of the stored archive. */
  bytes: number;
  codec: ArchiveCodec;
  /** rawBytes / bytes. */
  ratio: number;
}

/** What {@link TieredMemory.restore} brought back. */
export interface RestoreResult {
  sessionId: string;
  turns: number;
  /** Bytes of the stored archive. */
  bytes: number;
  rawBytes: number;
  codec: ArchiveCodec;
}

/** What {@link TieredMemory.demote} archived. */
export interface DemotionResult {
  archived: ArchiveResult[];
}

/** Backend, settings and sizes, for results' metadata. */
export interface TieredMemoryDescription {
  backend: 'sqlite' | 'postgres';
  /** SQLite file, or `user@host:port/database (schema s)`: never a password. */
  location: string;
  serverVersion: string;
  schemaVersion: number;
  /** journal_mode and synchronous (SQLite); synchronous_commit, fsync, ... (PostgreSQL). */
  settings: Record<string, string | number>;
  rows: { sessions: number; turns: number; archives: number };
  hot: { sessions: number; maxSessions: number; maxTurnsPerSession: number };
  archiveCodec: ArchiveCodec;
  demotion: DemotionPolicy;
}

function positiveInteger(field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw new MemoryOptionsError(field, `is ${String(value)}`, `give a whole number >= ${min}`);
  return value;
}

function checkOptions(options: TieredMemoryOptions): void {
  const kind = (options?.backend as { kind?: unknown } | undefined)?.kind;
  if (kind !== 'sqlite' && kind !== 'postgres')
    throw new MemoryOptionsError(
      'backend',
      `has kind ${JSON.stringify(kind)}`,
      "give { kind: 'sqlite', path } or { kind: 'postgres', url }",
    );
  if (options.archiveCodec !== undefined && !isArchiveCodec(options.archiveCodec))
    throw new MemoryOptionsError(
      'archiveCodec',
      `is ${JSON.stringify(options.archiveCodec)}`,
      "use 'brotli', 'gzip' or 'none'",
    );
  if (options.hot?.maxSessions !== undefined) positiveInteger('hot.maxSessions', options.hot.maxSessions, 1);
  if (options.hot?.maxTurnsPerSession !== undefined)
    positiveInteger('hot.maxTurnsPerSession', options.hot.maxTurnsPerSession, 1);
  const idle = options.demotion?.maxIdleMs;
  if (idle !== undefined && !(typeof idle === 'number' && idle >= 0))
    throw new MemoryOptionsError('demotion.maxIdleMs', `is ${String(idle)}`, 'give a number of ms >= 0');
  if (options.demotion?.maxWarmSessions !== undefined)
    positiveInteger('demotion.maxWarmSessions', options.demotion.maxWarmSessions, 0);
}

function toStoredTurns(turns: readonly ChatMessage[], nowMs: number): StoredTurn[] {
  if (!Array.isArray(turns)) throw new MemoryTurnError(0, 'list is not an array');
  return turns.map((turn, index) => {
    if (!turn || !isTurnRole(turn.role))
      throw new MemoryTurnError(index, `has role ${JSON.stringify(turn?.role)}`);
    if (typeof turn.content !== 'string') throw new MemoryTurnError(index, 'has no string content');
    return { role: turn.role, content: turn.content, createdMs: nowMs };
  });
}

function toMessages(turns: readonly StoredTurn[], n: number): ChatMessage[] {
  const start = Math.max(0, turns.length - n);
  const out: ChatMessage[] = new Array(turns.length - start);
  for (let i = start; i < turns.length; i++) {
    const t = turns[i] as StoredTurn;
    out[i - start] = { role: t.role, content: t.content };
  }
  return out;
}

/**
 * Opens a three-tier conversation memory: the hot tier in this process, the warm tier and the cold archive
 * in SQLite (better-sqlite3, WAL) or PostgreSQL (pg). Tables are created on first use; drivers load here,
 * not when the package is imported.
 *
 * @example
 * const memory = await openTieredMemory({ backend: { kind: 'sqlite', path: '.memory/agent.db' } });
 * const agent = createAgent({ name: 'a', memory });          // or memory: () => openTieredMemory(...)
 */
export async function openTieredMemory(options: TieredMemoryOptions): Promise<TieredMemory> {
  checkOptions(options);
  const Lru = await importLruCache();
  const hot = new HotTier(Lru, {
    maxSessions: options.hot?.maxSessions ?? DEFAULT_HOT_SESSIONS,
    maxTurnsPerSession: options.hot?.maxTurnsPerSession ?? DEFAULT_HOT_TURNS_PER_SESSION,
  });
  const store =
    options.backend.kind === 'sqlite'
      ? await openSqliteStore(options.backend)
      : await openPostgresStore(options.backend);
  return new TieredMemory(store, hot, options);
}

/**
 * The agent's memory in three tiers behind the {@link ConversationMemory} seam: `recent` answers from the
 * hot tier, else the warm tier (then caching the session's newest turns hot), else restores the session
 * from the cold archive (promotion on access). `append` writes through to the warm tier. `archive`,
 * `restore` and `demote` move whole sessions between warm and cold. One process should write a given
 * session at a time: the hot tier does not see other processes' appends. Create with {@link openTieredMemory}.
 */
export class TieredMemory implements ConversationMemory {
  readonly archiveCodec: ArchiveCodec;
  readonly demotion: DemotionPolicy;
  private readonly now: () => number;
  private readonly counters: TieredMemoryStats = {
    hot: { hits: 0, misses: 0 },
    warm: { hits: 0, misses: 0 },
    cold: { hits: 0, misses: 0 },
    archived: 0,
    restored: 0,
  };
  // Bumped before and after every change: a warm read fills the hot tier only if no change overlapped it.
  private changes = 0;
  private closed = false;

  /** @internal Use {@link openTieredMemory}. */
  constructor(
    private readonly store: MemoryStore,
    private readonly hot: HotTier,
    options: TieredMemoryOptions,
  ) {
    this.archiveCodec = options.archiveCodec ?? DEFAULT_ARCHIVE_CODEC;
    this.demotion = { ...options.demotion };
    this.now = options.now ?? Date.now;
  }

  /** `sqlite` or `postgres`. */
  get backend(): 'sqlite' | 'postgres' {
    return this.store.backend;
  }

  /** Hits and misses per tier and sessions moved, since opening (a copy). */
  stats(): TieredMemoryStats {
    const c = this.counters;
    return {
      hot: { ...c.hot },
      warm: { ...c.warm },
      cold: { ...c.cold },
      archived: c.archived,
      restored: c.restored,
    };
  }

  /** Appends turns (oldest first) to the session, durably in the warm tier; restores an archived session first. */
  async append(sessionId: string, turns: ChatMessage[]): Promise<void> {
    this.assertOpen();
    const nowMs = this.now();
    const stored = toStoredTurns(turns, nowMs);
    if (stored.length === 0) return;
    this.changes++;
    try {
      let outcome = await this.store.append(sessionId, stored, nowMs);
      if (outcome.archived) {
        const record = await this.store.readArchive(sessionId);
        if (record) await this.restoreRecord(record);
        outcome = await this.store.append(sessionId, stored, nowMs);
        if (outcome.archived)
          throw new Error(`append(${JSON.stringify(sessionId)}): session stayed archived`);
      }
      this.hot.appended(sessionId, stored, outcome.firstSeq);
    } catch (error) {
      this.hot.drop(sessionId);
      throw error;
    } finally {
      this.changes++;
    }
  }

  /** The session's last `n` turns, oldest first (copies); empty for an unknown session. */
  async recent(sessionId: string, n: number, options: RecentOptions = {}): Promise<ChatMessage[]> {
    this.assertOpen();
    if (!(n >= 1)) return [];
    const count = Math.floor(n);
    const c = this.counters;
    if (!options.bypassHot) {
      const hit = this.hot.read(sessionId, count);
      if (hit) {
        c.hot.hits++;
        return hit;
      }
      c.hot.misses++;
    }
    const changesBefore = this.changes;
    // On a hot miss read enough to cache the session's tail, so the next reads are hot.
    const want = options.bypassHot ? count : Math.max(count, this.hot.maxTurnsPerSession);
    let turns = await this.store.recent(sessionId, want);
    if (turns.length > 0) {
      c.warm.hits++;
      if (!options.bypassHot && this.changes === changesBefore)
        this.hot.fill(sessionId, turns, turns.length < want);
      return toMessages(turns, count);
    }
    c.warm.misses++;
    const record = await this.store.readArchive(sessionId);
    if (!record) {
      c.cold.misses++;
      return [];
    }
    c.cold.hits++;
    turns = (await this.restoreRecord(record)).turns;
    return toMessages(turns, count);
  }

  /** Moves the session's turns from the warm tier into one compressed archive blob; drops it from the hot tier. */
  async archive(sessionId: string): Promise<ArchiveResult> {
    this.assertOpen();
    this.changes++;
    this.hot.drop(sessionId);
    try {
      const record = await this.store.archive(
        sessionId,
        (turns) => encodeArchive(turns, this.archiveCodec),
        this.now(),
      );
      if (!record) throw new MemorySessionNotFoundError(sessionId, 'warm');
      this.counters.archived++;
      return {
        sessionId,
        turns: record.turnCount,
        rawBytes: record.rawBytes,
        bytes: record.payload.length,
        codec: record.codec as ArchiveCodec,
        ratio: record.payload.length > 0 ? record.rawBytes / record.payload.length : 1,
      };
    } finally {
      this.hot.drop(sessionId);
      this.changes++;
    }
  }

  /**
   * Restores an archived session: checks and decodes the archive, puts the turns back into the warm tier and
   * deletes the archive in one transaction, then caches the newest turns hot. A corrupt archive throws
   * `MemoryArchiveCorruptError` and changes nothing.
   */
  async restore(sessionId: string): Promise<RestoreResult> {
    this.assertOpen();
    const record = await this.store.readArchive(sessionId);
    if (!record) throw new MemorySessionNotFoundError(sessionId, 'cold');
    const { result } = await this.restoreRecord(record);
    return result;
  }

  /** Deletes the session from every tier (hot, warm, cold); false when there was nothing to delete. */
  async delete(sessionId: string): Promise<boolean> {
    this.assertOpen();
    this.changes++;
    this.hot.drop(sessionId);
    try {
      return await this.store.delete(sessionId);
    } finally {
      this.hot.drop(sessionId);
      this.changes++;
    }
  }

  /** Archives the sessions the {@link DemotionPolicy} selects (none without a policy). */
  async demote(): Promise<DemotionResult> {
    this.assertOpen();
    const { maxIdleMs, maxWarmSessions } = this.demotion;
    if (maxIdleMs === undefined && maxWarmSessions === undefined) return { archived: [] };
    const idleBefore = maxIdleMs === undefined ? undefined : this.now() - maxIdleMs;
    const archived: ArchiveResult[] = [];
    for (const sessionId of await this.store.demotionCandidates(idleBefore, maxWarmSessions)) {
      try {
        archived.push(await this.archive(sessionId));
      } catch (error) {
        // Archived or emptied meanwhile: nothing left to demote.
        if (!(error instanceof MemorySessionNotFoundError)) throw error;
      }
    }
    return { archived };
  }

  /**
   * Runs the warm tier's recent-turns SELECT on the same database handle and returns the rows as the driver
   * gives them (newest first): no mapping, no ordering, no hot tier. The floor the Memory suite times the
   * Warm Tier against.
   */
  async selectRecentRows(sessionId: string, n: number): Promise<unknown[]> {
    this.assertOpen();
    return this.store.selectRecentRows(sessionId, n);
  }

  /**
   * The database's plan for `recent(sessionId, n)`'s query, one line per step: evidence that it reads the
   * (session, seq) index backwards instead of scanning or sorting. @default sessionId 'session', n 10
   */
  async explainRecent(sessionId = 'session', n = 10): Promise<string[]> {
    this.assertOpen();
    return this.store.explainRecent(sessionId, n);
  }

  /** Backend, settings, row counts and hot-tier size. */
  async describe(): Promise<TieredMemoryDescription> {
    this.assertOpen();
    const [store, rows] = [await this.store.describe(), await this.store.counts()];
    return {
      ...store,
      rows,
      hot: {
        sessions: this.hot.size,
        maxSessions: this.hot.maxSessions,
        maxTurnsPerSession: this.hot.maxTurnsPerSession,
      },
      archiveCodec: this.archiveCodec,
      demotion: { ...this.demotion },
    };
  }

  /** Closes the database (pool or file) and empties the hot tier. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.hot.clear();
    await this.store.close();
  }

  private async restoreRecord(
    record: ArchiveRecord,
  ): Promise<{ turns: StoredTurn[]; result: RestoreResult }> {
    // Decode first: a corrupt archive throws here, before anything is written.
    const turns = await decodeArchive(record);
    this.changes++;
    try {
      // False: another caller restored it first (and may have appended since), so cache nothing.
      if (await this.store.restore(record, turns, this.now())) {
        this.counters.restored++;
        this.hot.fill(record.sessionId, turns, true);
      }
    } finally {
      this.changes++;
    }
    return {
      turns,
      result: {
        sessionId: record.sessionId,
        turns: turns.length,
        bytes: record.payload.length,
        rawBytes: record.rawBytes,
        codec: record.codec as ArchiveCodec,
      },
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new MemoryClosedError();
  }
}
