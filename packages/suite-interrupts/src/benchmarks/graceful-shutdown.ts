import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedInterruptsSuiteOptions } from '../options';
import {
  abortInLongStep,
  acquire,
  checkOutcome,
  type Held,
  msBetween,
  release,
  summarizeMs,
} from './_lifecycle';
import { RAW_SHUTDOWN_DESCRIPTION, rawShutdown } from './_raw-floor';

/** How long the untimed check waits for the hold server to see the aborted request's connection close. */
const CONNECTION_CLOSE_WAIT_MS = 2000;

/** Graceful Shutdown: from the interrupt to the agent fully stopped (DESIGN §8). */
export function createGracefulShutdownBenchmark(
  options: ResolvedInterruptsSuiteOptions,
): BenchmarkDefinition {
  let held: Held | undefined;
  let floorDir: string | undefined;
  let floorRuns = 0;
  const detectMs: number[] = [];
  const facts = new Map<string, number>();
  const count = (key: string) => facts.set(key, (facts.get(key) ?? 0) + 1);
  return {
    id: 'graceful_shutdown',
    name: 'Graceful Shutdown',
    // Mostly waiting (aborting in-flight work and closing resources): --measure instructions counts its CPU part only.
    costKind: 'waiting',
    description:
      "From the interrupt (stamped just before the run's AbortSignal is aborted, while the run is in its long " +
      `step after ${options.fastSteps} quick tool steps) to the agent fully stopped, as the subject reports it: ` +
      'the in-flight tool (a loopback request) aborted and settled, shutdown hooks run newest first, resources ' +
      'released. For the default subject: hooks close a loopback HTTP status server and an open run log, ' +
      'then close() releases the memory the agent made; the provider is shared by the runs and not closed. A ' +
      "fresh agent is built untimed before each run. Untimed after each: the request's connection was closed.",
    target: { excellentMs: 5, targetMs: 10 },
    iterations: 30,
    warmup: 3,
    allowBatching: false,
    async setup(ctx) {
      held = await acquire(ctx, options);
      detectMs.length = 0;
      facts.clear();
    },
    async fn(ctx) {
      const { firedAt, outcome, request } = await abortInLongStep(held!, {
        checkpoint: false,
        shutdown: true,
      });
      const stoppedAt = checkOutcome(outcome, 'abort', 'stoppedAt');
      ctx.reportDurationMs(msBetween(firedAt, stoppedAt));
      // Untimed: the tool's request really ended (the server saw its connection close).
      let timer: NodeJS.Timeout | undefined;
      const closed = await Promise.race([
        request.closed.then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), CONNECTION_CLOSE_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
      if (!closed)
        throw new Error(
          `the interrupted tool's request was still open ${CONNECTION_CLOSE_WAIT_MS} ms after the shutdown`,
        );
      if (ctx.phase !== 'measure') return;
      if (outcome.detectedAt !== undefined) detectMs.push(msBetween(firedAt, outcome.detectedAt));
      const f = outcome.facts ?? {};
      if (typeof f['tools_settled'] === 'number') count(`tools_settled_${f['tools_settled']}`);
      for (const hook of (f['hooks'] as string[] | undefined) ?? []) count(`hook ${hook}`);
      if (f['close_error']) count('close_errors');
    },
    baseline: {
      name: 'same resources released by hand',
      description: RAW_SHUTDOWN_DESCRIPTION,
      async setup() {
        floorDir = await mkdtemp(join(tmpdir(), 'kaizen-bench-interrupts-shutdown-floor-'));
        floorRuns = 0;
      },
      async fn(ctx) {
        const raw = await rawShutdown(held!.hold, floorDir!, floorRuns++);
        ctx.reportDurationMs(msBetween(raw.firedAt, raw.stoppedAt));
      },
      async teardown() {
        if (floorDir) await rm(floorDir, { recursive: true, force: true });
        floorDir = undefined;
      },
    },
    async teardown(ctx) {
      try {
        const detect = summarizeMs(detectMs);
        if (detect) ctx.metadata['detect_ms'] = detect;
        if (facts.size > 0) ctx.metadata['shutdown_facts'] = Object.fromEntries(facts);
      } finally {
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
