import type { ChatMessage } from '../llm/types';

/**
 * Where an agent keeps each session's conversation turns. The seam for memory tiers: implement it over any
 * store and pass it (or a factory) as `memory` to `createAgent`.
 */
export interface ConversationMemory {
  /** Adds turns, oldest first, at the end of the session's history. */
  append(sessionId: string, turns: ChatMessage[]): Promise<void> | void;
  /** The session's last `n` turns, oldest first; empty for an unknown session. */
  recent(sessionId: string, n: number): Promise<ChatMessage[]> | ChatMessage[];
  /** Releases what the memory holds; called by `agent.close()` when the agent opened the memory. */
  close?(): Promise<void> | void;
}

/** Sessions an {@link InProcessMemory} keeps by default. */
export const DEFAULT_MAX_SESSIONS = 1000;
/** Turns per session an {@link InProcessMemory} keeps by default. */
export const DEFAULT_MAX_TURNS_PER_SESSION = 1000;

/** Options of {@link InProcessMemory}. */
export interface InProcessMemoryOptions {
  /** Sessions kept; the least recently used one is dropped beyond it. @default 1000 */
  maxSessions?: number;
  /** Turns kept per session; the oldest are dropped beyond it. @default 1000 */
  maxTurnsPerSession?: number;
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`InProcessMemory: ${name} must be an integer >= 1, got ${String(value)}`);
  }
}

/**
 * The default {@link ConversationMemory}: a bounded map of sessions, each a bounded array of turns, in this
 * process. Nothing survives the process.
 */
export class InProcessMemory implements ConversationMemory {
  readonly maxSessions: number;
  readonly maxTurnsPerSession: number;
  private readonly sessions = new Map<string, ChatMessage[]>();

  constructor(options: InProcessMemoryOptions = {}) {
    this.maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
    this.maxTurnsPerSession = options.maxTurnsPerSession ?? DEFAULT_MAX_TURNS_PER_SESSION;
    assertPositiveInteger('maxSessions', this.maxSessions);
    assertPositiveInteger('maxTurnsPerSession', this.maxTurnsPerSession);
  }

  /** Number of sessions held. */
  get size(): number {
    return this.sessions.size;
  }

  append(sessionId: string, turns: ChatMessage[]): void {
    let session = this.sessions.get(sessionId);
    if (session) {
      // Re-insert so Map order is least recently used first.
      this.sessions.delete(sessionId);
    } else {
      session = [];
    }
    this.sessions.set(sessionId, session);
    for (const turn of turns) session.push({ role: turn.role, content: turn.content });
    const excess = session.length - this.maxTurnsPerSession;
    if (excess > 0) session.splice(0, excess);
    while (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value as string;
      this.sessions.delete(oldest);
    }
  }

  recent(sessionId: string, n: number): ChatMessage[] {
    const session = this.sessions.get(sessionId);
    if (!session || n <= 0) return [];
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, session);
    return session.slice(-n).map((turn) => ({ ...turn }));
  }

  /** Drops every session. */
  close(): void {
    this.sessions.clear();
  }
}
