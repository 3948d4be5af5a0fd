import { InterruptOptionsError } from './errors';

/** The OS signals an interruptible run listens for by default: Ctrl-C and a polite kill. */
export const DEFAULT_INTERRUPT_SIGNALS: readonly NodeJS.Signals[] = Object.freeze(['SIGINT', 'SIGTERM']);

// No handler can be installed for these; Node throws.
const UNCATCHABLE = new Set(['SIGKILL', 'SIGSTOP']);

/** Throws unless `signals` is a list of catchable signal names. */
export function checkSignals(signals: unknown): readonly NodeJS.Signals[] {
  if (!Array.isArray(signals) || signals.some((s) => typeof s !== 'string' || !/^SIG[A-Z0-9]+$/.test(s))) {
    throw new InterruptOptionsError(
      'signals',
      'must be an array of signal names',
      "pass e.g. ['SIGINT', 'SIGTERM'], or [] for none",
    );
  }
  const bad = signals.find((s) => UNCATCHABLE.has(s));
  if (bad)
    throw new InterruptOptionsError('signals', `lists ${bad}, which no process can catch`, 'leave it out');
  return signals as NodeJS.Signals[];
}

/**
 * Installs one `process` handler per signal until the first of them arrives or `remove()` is called. The
 * first signal detaches every handler right after that signal's listeners have all run (before any second
 * signal can arrive), then `onSignal` has already run: a second Ctrl-C gets the default action (the process
 * exits) or the process's other handlers, never this one again.
 * @returns `remove()`, idempotent
 */
export function listenForSignals(
  signals: readonly NodeJS.Signals[],
  onSignal: (signal: NodeJS.Signals, firedAt: bigint) => void,
): () => void {
  const installed: Array<[NodeJS.Signals, () => void]> = [];
  let active = true;
  let emitting = false;
  const detach = () => {
    for (const [signal, handler] of installed) process.removeListener(signal, handler);
  };
  const remove = () => {
    if (!active) return;
    active = false;
    // Inside a signal's emit, detaching now would hide this listener from those still to run: signal-exit
    // (loaded by node-llama-cpp) re-raises the signal, killing the process, when it sees itself alone.
    if (emitting) queueMicrotask(detach);
    else detach();
  };
  for (const signal of signals) {
    const handler = () => {
      if (!active) return;
      const firedAt = process.hrtime.bigint();
      emitting = true;
      try {
        remove();
        onSignal(signal, firedAt);
      } finally {
        emitting = false;
      }
    };
    process.on(signal, handler);
    installed.push([signal, handler]);
  }
  return remove;
}
