type MaybePromise<T> = T | Promise<T>;

/** One conversation turn, as every framework's memory stores one (a chat message). */
export interface MemoryTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What a subject's archive reports: sizes go into the Cold Tier's metadata. */
export interface MemoryArchiveFacts {
  /** Bytes stored for the archived session. */
  bytes: number;
  /** Bytes of the session before compression. */
  rawBytes: number;
  /** Codec, e.g. `brotli`. */
  codec?: string;
}

/** Hot Tier operations: the in-process recent-turns cache. */
export interface MemoryHotTier {
  /** The session's last `n` turns, oldest first, from memory in this process (no I/O). */
  read(sessionId: string, n: number): MaybePromise<MemoryTurn[]>;
  /**
   * Reads so far the hot tier could not answer (they went to slower storage). When given, Hot Tier fails
   * if a timed read missed: its number would not be a hot read.
   */
  misses?(): number;
}

/** Warm Tier operations: the persistent store, read without any in-process cache. */
export interface MemoryWarmTier {
  /** The session's last `n` turns, oldest first, from the persistent store, any cache bypassed. */
  read(sessionId: string, n: number): Promise<MemoryTurn[]>;
  /**
   * The floor of `read`: the same query run directly on the same database handle (the raw rows, no mapping,
   * ordering or caching). E.g. for the default subject `SELECT ... ORDER BY seq DESC LIMIT n` on its
   * better-sqlite3 handle or `pg` pool.
   */
  floor(sessionId: string, n: number): Promise<unknown>;
}

/** Cold Tier operations: whole sessions moved to a compressed archive and back. */
export interface MemoryColdTier {
  /** Untimed: moves the session (all its turns) out of the warm tier into the archive. */
  archive(sessionId: string): Promise<MemoryArchiveFacts>;
  /**
   * Timed: brings the archived session back, ready to serve reads: decompress, decode, insert into the warm
   * tier, fill the hot tier (what the default subject does; a framework does what its restore does).
   */
  restore(sessionId: string): Promise<unknown>;
}

/**
 * The operations the Memory suite times. Implement it to benchmark your own framework's memory: e.g.
 * LangGraph stores (`put` / `search` with a sequence field, `InMemoryStore` hot, `PostgresStore` warm),
 * OpenAI Agents sessions (`addItems` / `getItems(limit)`), Mastra Memory (`saveMessages` /
 * `recall({ threadId, perPage })`, archive = `cloneThread` + `deleteThread`). A tier the framework does not
 * have is left out and its benchmark is `skipped` with the reason. The default subject is the tiered memory
 * of `@kaizen-bench/agent` (see `createTieredMemorySubject`).
 */
export interface MemorySubject {
  /** Shown in the results' metadata. */
  readonly name: string;
  /** Untimed setup: stores `turns` (oldest first) as the session's whole history. */
  seed(sessionId: string, turns: MemoryTurn[]): Promise<void>;
  /** Leave it out and Hot Tier is skipped. */
  readonly hot?: MemoryHotTier;
  /** Leave it out and Warm Tier is skipped. */
  readonly warm?: MemoryWarmTier;
  /** Leave it out and Cold Tier is skipped. */
  readonly cold?: MemoryColdTier;
  /**
   * Why a tier is not offered (e.g. `{ cold: 'no archive call' }`): its benchmark comes out `skipped` with this
   * reason, even if the tier's operations are present. @default a generic reason for a missing tier
   */
  readonly unsupported?: Partial<Record<'hot' | 'warm' | 'cold', string>>;
  /**
   * Facts for the results' metadata (backend, settings, row counts, ...), asked for after the last
   * iteration.
   */
  describe?(): MaybePromise<Record<string, unknown>>;
  /** Releases what the subject holds (files, connections); called once per benchmark, after its last iteration. */
  close?(): MaybePromise<void>;
}

/**
 * A subject, or a factory making a fresh subject per benchmark. The suite closes the subjects it made
 * through a factory; a subject object passed directly is used by all three benchmarks and never closed.
 */
export type MemorySubjectSource = MemorySubject | (() => MaybePromise<MemorySubject>);
