/** Where an interrupt came from: a person (OS signal), the caller (AbortSignal), a timeout, or a budget. */
export type InterruptKind = 'signal' | 'abort' | 'timeout' | 'budget';

/** Every interrupt kind, in a fixed order. */
export const INTERRUPT_KINDS: readonly InterruptKind[] = Object.freeze([
  'signal',
  'abort',
  'timeout',
  'budget',
]);

interface InterruptStamp {
  /** `process.hrtime.bigint()` (ns, monotonic) when the source fired in this process. */
  firedAt: bigint;
}

/** SIGINT / SIGTERM (or another signal you listed) reached the process while the run was active. */
export interface SignalInterrupt extends InterruptStamp {
  kind: 'signal';
  signal: NodeJS.Signals;
}

/** The caller's `AbortSignal` aborted. */
export interface AbortInterrupt extends InterruptStamp {
  kind: 'abort';
  /** The signal's `reason`. */
  cause: unknown;
}

/** The run's `timeoutMs` passed. */
export interface TimeoutInterrupt extends InterruptStamp {
  kind: 'timeout';
  timeoutMs: number;
  /** How long after the deadline the timer ran (event-loop lateness), ms. */
  lateMs: number;
}

/** An {@link InterruptBudget} was charged past its limit. */
export interface BudgetInterrupt extends InterruptStamp {
  kind: 'budget';
  unit: string;
  limit: number;
  /** Spent when it fired (> limit). */
  spent: number;
}

/** Why an interruptible run stopped, with when the source fired. */
export type InterruptReason = SignalInterrupt | AbortInterrupt | TimeoutInterrupt | BudgetInterrupt;

/** One line naming the source, e.g. `SIGINT`, `timeout after 500 ms`, `budget exceeded: 1200 > 1000 tokens`. */
export function describeInterrupt(reason: InterruptReason): string {
  switch (reason.kind) {
    case 'signal':
      return reason.signal;
    case 'abort':
      return 'aborted by the caller';
    case 'timeout':
      return `timeout after ${reason.timeoutMs} ms`;
    case 'budget':
      return `budget exceeded: ${reason.spent} > ${reason.limit} ${reason.unit}`;
  }
}

/** The reason as JSON (no bigint, the abort cause as its message): what a checkpoint records. */
export function interruptToJson(reason: InterruptReason): { [key: string]: string | number } {
  switch (reason.kind) {
    case 'signal':
      return { kind: reason.kind, signal: reason.signal };
    case 'abort': {
      const cause = reason.cause;
      return { kind: reason.kind, cause: cause instanceof Error ? cause.message : String(cause ?? '') };
    }
    case 'timeout':
      return { kind: reason.kind, timeoutMs: reason.timeoutMs };
    case 'budget':
      return { kind: reason.kind, unit: reason.unit, limit: reason.limit, spent: reason.spent };
  }
}
