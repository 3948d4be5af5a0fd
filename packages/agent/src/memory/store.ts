import type { ChatMessage } from '../llm/types';

/** A turn as the warm tier keeps it: the message and when it was appended (ms since the epoch). */
export interface StoredTurn {
  role: ChatMessage['role'];
  content: string;
  createdMs: number;
}

/** One session's cold archive: one compressed blob with what is needed to check and decode it. */
export interface ArchiveRecord {
  sessionId: string;
  /** `none`, `gzip` or `brotli`. */
  codec: string;
  /** Version of the payload layout (see archive-codec.ts). */
  formatVersion: number;
  turnCount: number;
  /** Bytes of the uncompressed payload. */
  rawBytes: number;
  /** SHA-256 (hex) of the stored payload. */
  checksum: string;
  archivedMs: number;
  payload: Buffer;
}

/** Outcome of {@link MemoryStore.append}. */
export type AppendOutcome =
  | { archived: false; firstSeq: number; total: number }
  /** The session has no warm turns but a cold archive: nothing was written, restore it first. */
  | { archived: true };

/** Row counts of the tables. */
export interface StoreCounts {
  sessions: number;
  turns: number;
  archives: number;
}

/** Name, version and settings of the database, for results' metadata. */
export interface StoreDescription {
  backend: 'sqlite' | 'postgres';
  /** File path (SQLite) or the server as `host:port/database` (PostgreSQL, no credentials). */
  location: string;
  serverVersion: string;
  schemaVersion: number;
  /** Database settings that decide speed and durability (journal_mode, synchronous, ...). */
  settings: Record<string, string | number>;
}

/**
 * The warm tier and the cold archive over one database. Two backends implement it (SQLite, PostgreSQL);
 * `TieredMemory` puts the hot tier in front. Session ids are opaque strings; turns of a session are numbered
 * from 0 (`seq`) and read back by index, never by scanning.
 */
export interface MemoryStore {
  readonly backend: 'sqlite' | 'postgres';
  /**
   * Appends turns at the end of the session, atomically. A session with no warm turns but an archive is
   * not written to (`archived: true`): the caller restores it first.
   */
  append(sessionId: string, turns: readonly StoredTurn[], nowMs: number): Promise<AppendOutcome>;
  /** The session's last `n` turns, oldest first. */
  recent(sessionId: string, n: number): Promise<StoredTurn[]>;
  /** The recent-turns SELECT on the same handle, rows as the driver returns them (newest first). */
  selectRecentRows(sessionId: string, n: number): Promise<unknown[]>;
  /** The database's plan for the recent-turns query of this session, one line per step. */
  explainRecent(sessionId: string, n: number): Promise<string[]>;
  /**
   * Moves the session from the warm tier into an archive made by `encode` from all its turns, atomically.
   * Undefined when the session has no warm turns. Retries when turns are appended meanwhile.
   */
  archive(
    sessionId: string,
    encode: (turns: StoredTurn[]) => Promise<Omit<ArchiveRecord, 'sessionId' | 'archivedMs'>>,
    nowMs: number,
  ): Promise<ArchiveRecord | undefined>;
  /** The session's archive, or undefined. */
  readArchive(sessionId: string): Promise<ArchiveRecord | undefined>;
  /**
   * Puts decoded turns back into the warm tier and deletes the archive, atomically. False when the archive
   * (with that checksum) is gone, i.e. someone else restored it: nothing is written then.
   */
  restore(record: ArchiveRecord, turns: readonly StoredTurn[], nowMs: number): Promise<boolean>;
  /** Deletes the session from the warm tier and the archive; false when it was in neither. */
  delete(sessionId: string): Promise<boolean>;
  /** Sessions to archive under the policy: idle since `idleBeforeMs`, then the oldest beyond `maxSessions`. */
  demotionCandidates(idleBeforeMs: number | undefined, maxSessions: number | undefined): Promise<string[]>;
  counts(): Promise<StoreCounts>;
  describe(): Promise<StoreDescription>;
  close(): Promise<void>;
}

/** Version of the memory tables; a database with a newer one is refused. */
export const MEMORY_SCHEMA_VERSION = 1;

/** Table names, shared by both backends (PostgreSQL qualifies them with the schema). */
export const TABLES = {
  meta: 'kaizen_memory_meta',
  sessions: 'kaizen_memory_sessions',
  turns: 'kaizen_memory_turns',
  archives: 'kaizen_memory_archives',
} as const;

/** Roles a stored turn may have. */
export function isTurnRole(value: unknown): value is ChatMessage['role'] {
  return value === 'user' || value === 'assistant' || value === 'system';
}

/**
 * Adds to `chosen` the first `excess` sessions of `oldestFirst` (least recently active first) not chosen yet:
 * the session-count half of the demotion policy, the same on every backend.
 */
export function chooseOldestBeyond(
  chosen: Set<string>,
  oldestFirst: Iterable<{ session_id: string }>,
  excess: number,
): void {
  let added = 0;
  for (const { session_id: sessionId } of oldestFirst) {
    if (added >= excess) break;
    if (!chosen.has(sessionId)) {
      chosen.add(sessionId);
      added++;
    }
  }
}
