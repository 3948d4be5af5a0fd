import type { InterruptBudget } from './budget';
import { InterruptError, InterruptOptionsError } from './errors';
import { checkSignals, DEFAULT_INTERRUPT_SIGNALS, listenForSignals } from './os-signals';
import type { InterruptReason } from './reason';

/** The interrupt sources of one run. Each is optional; the first to fire wins. */
export interface RunInterruptOptions {
  /** The caller's signal: aborting it interrupts the run (kind `abort`). */
  signal?: AbortSignal;
  /** Interrupt the run this many ms after it started (kind `timeout`). @default no timeout */
  timeoutMs?: number;
  /** Interrupt the run when this budget is charged past its limit (kind `budget`). */
  budget?: InterruptBudget;
  /**
   * OS signals that interrupt the run (kind `signal`). Their `process` handlers exist only from the start
   * of the run until it stops (or the first of them arrives), never longer. `[]` installs none.
   * @default ['SIGINT', 'SIGTERM']
   */
  signals?: readonly NodeJS.Signals[];
}

/** The interrupt sources of one run unified into one `AbortSignal`. */
export interface RunInterrupt {
  /** Aborted by the first source that fires; its `reason` is an {@link InterruptError}. */
  readonly signal: AbortSignal;
  /** Which source fired first, with when; undefined while none has. */
  readonly reason: InterruptReason | undefined;
  /** Removes the signal handlers, the timer and the listeners. Idempotent; call it when the run stops. */
  dispose(): void;
}

/** Throws unless `timeoutMs` is undefined or a positive finite number. */
export function checkTimeout(timeoutMs: unknown): number | undefined {
  if (timeoutMs === undefined) return undefined;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InterruptOptionsError(
      'timeoutMs',
      `must be a positive number of ms, got ${String(timeoutMs)}`,
      'pass e.g. 30000, or leave it out',
    );
  }
  return timeoutMs;
}

/**
 * Unifies a run's interrupt sources — OS signals, the caller's `AbortSignal`, a timeout, a budget — into one
 * `AbortSignal` whose reason says which fired and when (`process.hrtime.bigint()` taken by the source
 * itself). Pass `signal` to `agent.run` or anything else that takes one; `dispose()` when the run stops.
 * @throws InterruptOptionsError on a bad option
 * @example
 * const interrupt = createRunInterrupt({ timeoutMs: 10_000 });
 * try { await agent.run('...', { signal: interrupt.signal }); } finally { interrupt.dispose(); }
 */
export function createRunInterrupt(options: RunInterruptOptions = {}): RunInterrupt {
  const timeoutMs = checkTimeout(options.timeoutMs);
  const signals = checkSignals(options.signals ?? DEFAULT_INTERRUPT_SIGNALS);
  const controller = new AbortController();
  let reason: InterruptReason | undefined;
  const cleanups: Array<() => void> = [];
  const dispose = () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  const fire = (fired: InterruptReason) => {
    if (reason) return;
    reason = fired;
    controller.abort(new InterruptError(fired));
  };

  const caller = options.signal;
  if (caller?.aborted) fire({ kind: 'abort', cause: caller.reason, firedAt: process.hrtime.bigint() });
  else if (caller) {
    const onAbort = () => fire({ kind: 'abort', cause: caller.reason, firedAt: process.hrtime.bigint() });
    caller.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => caller.removeEventListener('abort', onAbort));
  }
  if (timeoutMs !== undefined && !reason) {
    const deadline = performance.now() + timeoutMs;
    const timer = setTimeout(() => {
      const firedAt = process.hrtime.bigint();
      fire({ kind: 'timeout', timeoutMs, lateMs: Math.max(0, performance.now() - deadline), firedAt });
    }, timeoutMs);
    cleanups.push(() => clearTimeout(timer));
  }
  if (options.budget && !reason) {
    cleanups.push(
      options.budget.onExceeded(({ unit, limit, spent, firedAt }) =>
        fire({ kind: 'budget', unit, limit, spent, firedAt }),
      ),
    );
  }
  if (signals.length > 0 && !reason) {
    cleanups.push(listenForSignals(signals, (signal, firedAt) => fire({ kind: 'signal', signal, firedAt })));
  }
  // Whatever fires first, the other sources are released at once (a second signal is not swallowed).
  if (reason) dispose();
  else controller.signal.addEventListener('abort', dispose, { once: true });
  return {
    signal: controller.signal,
    get reason() {
      return reason;
    },
    dispose,
  };
}
