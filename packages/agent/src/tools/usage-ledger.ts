/** What one session has used so far: allowed calls per tool and the summed cost of those calls. */
export interface SessionUsage {
  readonly callsByTool: Map<string, number>;
  cost: number;
}

/** Sessions a ledger keeps by default; the least recently recorded one is dropped beyond it. */
export const DEFAULT_LEDGER_MAX_SESSIONS = 10_000;

/**
 * Per-session tool usage that permission budgets are checked against. The {@link ToolGate} records each call
 * it lets through; a policy only reads. Bounded: beyond `maxSessions` the least recently recorded session is
 * forgotten (its budgets start over).
 */
export class UsageLedger {
  private readonly sessions = new Map<string, SessionUsage>();
  private readonly maxSessions: number;

  /** @param options.maxSessions sessions kept. @default 10000 */
  constructor(options: { maxSessions?: number } = {}) {
    this.maxSessions = options.maxSessions ?? DEFAULT_LEDGER_MAX_SESSIONS;
  }

  /** Adds `calls` calls of `tool` costing `cost` in total to the session's usage. */
  record(sessionId: string, tool: string, usage: { calls?: number; cost?: number } = {}): void {
    let session = this.sessions.get(sessionId);
    if (session) {
      this.sessions.delete(sessionId); // re-insert: most recently recorded last
    } else {
      session = { callsByTool: new Map(), cost: 0 };
      if (this.sessions.size >= this.maxSessions) {
        const oldest = this.sessions.keys().next().value;
        if (oldest !== undefined) this.sessions.delete(oldest);
      }
    }
    this.sessions.set(sessionId, session);
    session.callsByTool.set(tool, (session.callsByTool.get(tool) ?? 0) + (usage.calls ?? 1));
    session.cost += usage.cost ?? 0;
  }

  /** The session's usage, or undefined when it has none. Do not mutate it. */
  session(sessionId: string): SessionUsage | undefined {
    return this.sessions.get(sessionId);
  }

  /** Allowed calls of `tool` in the session. */
  calls(sessionId: string, tool: string): number {
    return this.sessions.get(sessionId)?.callsByTool.get(tool) ?? 0;
  }

  /** Summed cost of the session's allowed calls. */
  cost(sessionId: string): number {
    return this.sessions.get(sessionId)?.cost ?? 0;
  }

  /** Forgets one session, or every session. */
  clear(sessionId?: string): void {
    if (sessionId === undefined) this.sessions.clear();
    else this.sessions.delete(sessionId);
  }
}
