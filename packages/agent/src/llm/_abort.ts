import { LlmAbortError } from './errors';

/** Throws {@link LlmAbortError} if `signal` is already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LlmAbortError({ cause: signal.reason });
}

/**
 * Settles like `work`, except that aborting `signal` rejects at once with {@link LlmAbortError}
 * (the work is told to stop separately; its late rejection is swallowed).
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(new LlmAbortError({ cause: signal.reason }));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => {});
      reject(new LlmAbortError({ cause: signal.reason }));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? new LlmAbortError({ cause: signal.reason }) : error);
      },
    );
  });
}

/** Runs tasks one at a time, in call order (a llama.cpp context sequence is not re-entrant). */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => {});
    return result;
  }
}
