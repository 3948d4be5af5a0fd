import type {
  InterruptRunOutcome,
  InterruptsSubject,
  InterruptTask,
  LoadedInterruptCheckpoint,
} from '../src/index';

/**
 * A "framework" in a few lines, as an adapter author would write one: a loop calling the task tool with the
 * run's signal until it is aborted. Caller abort only; optional checkpoint kept in memory.
 */
export function plainLoopSubject(
  options: { checkpointSteps?: (completed: number) => number; reportStops?: boolean } = {},
): InterruptsSubject & { runs: number; closed: boolean } {
  let task: InterruptTask | undefined;
  let saved: LoadedInterruptCheckpoint | undefined;
  const subject = {
    name: 'plain loop',
    sources: ['abort'] as const,
    runs: 0,
    closed: false,
    prepare(next: InterruptTask) {
      task = next;
    },
    async run({
      signal,
      checkpoint,
      shutdown,
    }: {
      signal: AbortSignal;
      checkpoint: boolean;
      shutdown: boolean;
    }) {
      subject.runs++;
      const results: unknown[] = [];
      try {
        for (;;) {
          signal.throwIfAborted();
          results.push(await task!.tool.execute({}, { signal }));
        }
      } catch (error) {
        const detectedAt = process.hrtime.bigint();
        if (!signal.aborted) throw error;
        const outcome: InterruptRunOutcome = { status: 'interrupted', kind: 'abort', detectedAt };
        if (checkpoint) {
          const steps = options.checkpointSteps?.(results.length) ?? results.length;
          saved = { completedSteps: steps, toolResults: results.slice(0, steps) };
          outcome.checkpointedAt = process.hrtime.bigint();
        }
        if (shutdown && options.reportStops !== false) outcome.stoppedAt = process.hrtime.bigint();
        return outcome;
      }
    },
    async loadCheckpoint() {
      if (!saved) throw new Error('no checkpoint');
      return saved;
    },
    close() {
      subject.closed = true;
    },
  };
  return subject;
}
