import type { LRUCache } from 'lru-cache';
import type { ChatMessage } from '../llm/types';

/** Sessions the hot tier keeps by default. */
export const DEFAULT_HOT_SESSIONS = 1000;
/** Newest turns per session the hot tier keeps by default. */
export const DEFAULT_HOT_TURNS_PER_SESSION = 200;

/** Options of the hot tier. */
export interface HotTierOptions {
  /** Sessions kept; the least recently used one is dropped beyond it. @default 1000 */
  maxSessions?: number;
  /** Newest turns kept per session; older ones are dropped from the hot tier (not from the warm one). @default 200 */
  maxTurnsPerSession?: number;
}

interface HotEntry {
  /** The session's newest turns, oldest first. */
  turns: ChatMessage[];
  /** True when `turns` is the whole session, so a request for more turns than it holds is still a hit. */
  complete: boolean;
}

type LruClass = typeof LRUCache;

/**
 * The in-process tier: per session, the newest turns (a bounded array) in an LRU cache of sessions
 * (lru-cache). It holds only tails of what the warm tier has, so dropping anything loses nothing.
 */
export class HotTier {
  readonly maxSessions: number;
  readonly maxTurnsPerSession: number;
  private readonly sessions: LRUCache<string, HotEntry>;

  constructor(Lru: LruClass, options: Required<HotTierOptions>) {
    this.maxSessions = options.maxSessions;
    this.maxTurnsPerSession = options.maxTurnsPerSession;
    this.sessions = new Lru<string, HotEntry>({ max: this.maxSessions });
  }

  /** Sessions held. */
  get size(): number {
    return this.sessions.size;
  }

  /** Turns held for a session (0 when it is not held). */
  turnsHeld(sessionId: string): number {
    return this.sessions.peek(sessionId)?.turns.length ?? 0;
  }

  /** The session's last `n` turns (copies), or undefined on a miss: not held, or fewer held than asked. */
  read(sessionId: string, n: number): ChatMessage[] | undefined {
    const entry = this.sessions.get(sessionId);
    if (!entry || (n > entry.turns.length && !entry.complete)) return undefined;
    const { turns } = entry;
    const start = Math.max(0, turns.length - n);
    const out: ChatMessage[] = new Array(turns.length - start);
    for (let i = start; i < turns.length; i++) {
      const turn = turns[i] as ChatMessage;
      out[i - start] = { role: turn.role, content: turn.content };
    }
    return out;
  }

  /** Replaces what is held for a session by its newest turns; `complete` when they are all of them. */
  fill(sessionId: string, newest: readonly ChatMessage[], complete: boolean): void {
    const start = Math.max(0, newest.length - this.maxTurnsPerSession);
    const turns = newest.slice(start).map((t) => ({ role: t.role, content: t.content }));
    this.sessions.set(sessionId, { turns, complete: complete && start === 0 });
  }

  /**
   * Records turns appended to the warm tier at `firstSeq`. A held session gets them at its end; a session
   * not held is cached only when these are its first turns (otherwise its older turns would be missing).
   */
  appended(sessionId: string, turns: readonly ChatMessage[], firstSeq: number): void {
    const entry = this.sessions.get(sessionId);
    if (!entry) {
      if (firstSeq === 0) this.fill(sessionId, turns, true);
      return;
    }
    for (const t of turns) entry.turns.push({ role: t.role, content: t.content });
    const excess = entry.turns.length - this.maxTurnsPerSession;
    if (excess > 0) {
      entry.turns.splice(0, excess);
      entry.complete = false;
    }
  }

  /** Forgets a session (archived, or changed elsewhere). */
  drop(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  clear(): void {
    this.sessions.clear();
  }
}
