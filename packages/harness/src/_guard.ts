/** Why a guarded wait ended early. */
export class GuardInterrupt extends Error {
  constructor(
    readonly kind: 'timeout' | 'aborted',
    message: string,
  ) {
    super(message);
  }
}

export interface Guard {
  /** Restarts the time-out clock: call right before starting the work it bounds (cheap; not in a timed span). */
  arm(): void;
  /** Waits for `value`, rejecting with a {@link GuardInterrupt} on time-out or abort. */
  wait<T>(value: PromiseLike<T>): Promise<T>;
  /** Arms, calls `fn`, and waits for its result when it is a thenable. */
  run<T>(fn: () => T | PromiseLike<T>): Promise<T>;
  /** Why the guard fired, if it did. */
  readonly interrupt: GuardInterrupt | undefined;
  /**
   * Waits, at most `timeoutMs`, for the step the guard gave up on (time-out or abort) to settle, so that what
   * it creates exists before teardown runs and can be cleaned up. Resolves at once when none is in flight.
   */
  drain(timeoutMs: number): Promise<void>;
  dispose(): void;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Bounds every awaited step of one benchmark by `timeoutMs` and by the run's abort signal. One timer is
 * created per benchmark and re-armed with `refresh()` before each step, so bounding costs nothing inside a
 * timed span. On time-out or abort the benchmark's own `controller` is aborted, so `ctx.signal` tells the code.
 */
export function createGuard(timeoutMs: number, controller: AbortController, runSignal?: AbortSignal): Guard {
  let pending: ((reason: GuardInterrupt) => void) | undefined;
  let interrupt: GuardInterrupt | undefined;
  // The step being waited on; still running after an interrupt until it settles by itself.
  let inFlight: PromiseLike<unknown> | undefined;

  const fire = (reason: GuardInterrupt): void => {
    if (interrupt) return;
    interrupt = reason;
    controller.abort(reason);
    pending?.(reason);
  };
  // Only a step in flight can time out: the timer firing between steps (e.g. while the monitor starts) is ignored.
  // Node turns delays above 2^31 - 1 ms into 1 ms: clamp (~24.8 days is "never" here).
  const timer = setTimeout(
    () => {
      if (pending) fire(new GuardInterrupt('timeout', `timed out after ${timeoutMs} ms`));
    },
    Math.min(timeoutMs, 2 ** 31 - 1),
  );
  const onAbort = (): void => fire(new GuardInterrupt('aborted', 'aborted'));
  if (runSignal?.aborted) onAbort();
  runSignal?.addEventListener('abort', onAbort, { once: true });

  const wait = <T>(value: PromiseLike<T>): Promise<T> => {
    // Recorded even when already interrupted: the work was started and may still create things.
    inFlight = value;
    if (interrupt) return Promise.reject(interrupt);
    return new Promise<T>((resolve, reject) => {
      pending = reject;
      value.then(
        (v) => {
          pending = undefined;
          if (inFlight === value) inFlight = undefined;
          resolve(v);
        },
        (e: unknown) => {
          pending = undefined;
          if (inFlight === value) inFlight = undefined;
          reject(e);
        },
      );
    });
  };

  return {
    arm: () => {
      timer.refresh();
    },
    wait,
    async run<T>(fn: () => T | PromiseLike<T>): Promise<T> {
      if (interrupt) throw interrupt;
      timer.refresh();
      const value = fn();
      return isThenable(value) ? wait(value as PromiseLike<T>) : (value as T);
    },
    get interrupt() {
      return interrupt;
    },
    async drain(timeoutMs: number) {
      const step = inFlight;
      if (!step) return;
      let timer: NodeJS.Timeout | undefined;
      const settled = new Promise<void>((resolve) => {
        step.then(
          () => resolve(),
          () => resolve(),
        );
      });
      const expired = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.min(timeoutMs, 2 ** 31 - 1));
      });
      await Promise.race([settled, expired]);
      clearTimeout(timer);
    },
    dispose: () => {
      clearTimeout(timer);
      runSignal?.removeEventListener('abort', onAbort);
    },
  };
}
