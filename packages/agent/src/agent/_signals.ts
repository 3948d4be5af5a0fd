/** A signal aborted when any of `signals` aborts (with its reason); `dispose` unhooks it. */
export function linkSignals(signals: Array<AbortSignal | undefined>): {
  signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  const hooks: Array<() => void> = [];
  for (const source of signals) {
    if (!source) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const onAbort = () => controller.abort(source.reason);
    source.addEventListener('abort', onAbort, { once: true });
    hooks.push(() => source.removeEventListener('abort', onAbort));
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const unhook of hooks) unhook();
    },
  };
}

/** Rejects with `signal.reason` once `signal` aborts. */
export function abortedReason(signal: AbortSignal): Promise<never> & { dispose(): void } {
  let onAbort: (() => void) | undefined;
  const promise = new Promise<never>((_, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => {});
  return Object.assign(promise, {
    dispose: () => {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    },
  });
}

/**
 * Settles like `work`, except that aborting `signal` rejects at once with its reason: a step that ignores the
 * signal cannot hold the run (its late outcome is dropped).
 */
export async function raceSignal<T>(work: Promise<T> | T, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    Promise.resolve(work).catch(() => {});
    throw signal.reason;
  }
  const aborted = abortedReason(signal);
  try {
    return await Promise.race([work, aborted]);
  } finally {
    aborted.dispose();
    Promise.resolve(work).catch(() => {});
  }
}
