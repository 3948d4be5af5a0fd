import { isDeepStrictEqual } from 'node:util';
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
import {
  createRawDurableWriter,
  floorBytes,
  RAW_CHECKPOINT_DESCRIPTION,
  type RawDurableWriter,
  rawAbortInFlight,
} from './_raw-floor';

/** Checkpoint on Interrupt: from the interrupt to the completed steps durably saved (DESIGN §8). */
export function createCheckpointOnInterruptBenchmark(
  options: ResolvedInterruptsSuiteOptions,
): BenchmarkDefinition {
  let held: Held | undefined;
  let writer: RawDurableWriter | undefined;
  let bytes: Buffer = Buffer.alloc(0);
  let verified = 0;
  const detectMs: number[] = [];
  const sizes: number[] = [];

  /** Untimed: the newest checkpoint loads and holds exactly the completed steps, nothing of the interrupted one. */
  const verify = async () => {
    const h = held!;
    const loaded = await h.subject.loadCheckpoint!();
    if (
      loaded.completedSteps !== h.task.fastSteps ||
      !isDeepStrictEqual(loaded.toolResults, h.task.completedResults)
    ) {
      throw new Error(
        `the interrupt checkpoint holds ${loaded.completedSteps} steps with results ${JSON.stringify(loaded.toolResults)}; ` +
          `want exactly the ${h.task.fastSteps} completed steps ${JSON.stringify(h.task.completedResults)}`,
      );
    }
    verified++;
  };

  const interruptOnce = async () => {
    const { firedAt, outcome } = await abortInLongStep(held!, { checkpoint: true, shutdown: false });
    const checkpointedAt = checkOutcome(outcome, 'abort', 'checkpointedAt');
    const written = outcome.facts?.['checkpoint_bytes'];
    return { firedAt, checkpointedAt, outcome, bytes: typeof written === 'number' ? written : undefined };
  };

  return {
    id: 'checkpoint_on_interrupt',
    name: 'Checkpoint on Interrupt',
    // Mostly waiting (a durable (fsynced) checkpoint): --measure instructions counts its CPU part only.
    costKind: 'waiting',
    description:
      "From the interrupt (stamped just before the run's AbortSignal is aborted, while the run is in its long " +
      `step after ${options.fastSteps} quick tool steps) to a durable checkpoint of the completed steps, as the ` +
      'subject reports it; for the default subject: loop stopped, state built from the completed steps, JSON + ' +
      'SHA-256, temp file write + fsync + rename + directory fsync (CheckpointStore). Verified untimed after ' +
      `every sample: a fresh store loads the newest checkpoint and it holds exactly the ${options.fastSteps} ` +
      'completed steps and their tool results, nothing of the interrupted step.',
    target: { excellentMs: 20, targetMs: 50 },
    iterations: 30,
    warmup: 3,
    allowBatching: false,
    requires: async () => {
      const source = options.subject;
      const subject = typeof source === 'function' ? undefined : source;
      // A factory's subject is checked in setup (making one here would load its model twice).
      if (subject && !subject.loadCheckpoint)
        return `subject ${subject.name} has no loadCheckpoint(): no interrupt checkpoint to verify`;
      return true;
    },
    async setup(ctx) {
      held = await acquire(ctx, options);
      verified = 0;
      detectMs.length = 0;
      sizes.length = 0;
      if (!held.subject.loadCheckpoint) {
        throw new Error(
          `subject ${held.subject.name} has no loadCheckpoint(): no interrupt checkpoint to verify`,
        );
      }
      // One untimed run: the checkpoint's size for the floor, and a first check.
      const first = await interruptOnce();
      await verify();
      ctx.metadata['checkpoint_bytes'] = first.bytes ?? null;
    },
    async fn(ctx) {
      const { firedAt, checkpointedAt, outcome, bytes: written } = await interruptOnce();
      ctx.reportDurationMs(msBetween(firedAt, checkpointedAt));
      if (ctx.phase !== 'measure') return;
      if (outcome.detectedAt !== undefined) detectMs.push(msBetween(firedAt, outcome.detectedAt));
      if (written !== undefined) sizes.push(written);
    },
    async afterEach() {
      await verify();
    },
    baseline: {
      name: 'raw abort + raw durable write',
      description: RAW_CHECKPOINT_DESCRIPTION,
      async setup(ctx) {
        writer = await createRawDurableWriter();
        const size = Number(ctx.metadata['checkpoint_bytes'] ?? 4096);
        bytes = floorBytes(size);
        ctx.metadata['floor_bytes'] = size;
      },
      async fn(ctx) {
        const raw = await rawAbortInFlight(held!.hold);
        await writer!.write(bytes);
        ctx.reportDurationMs(msBetween(raw.firedAt, process.hrtime.bigint()));
      },
      async teardown() {
        await writer?.close();
        writer = undefined;
      },
    },
    async teardown(ctx) {
      try {
        ctx.metadata['checkpoints_verified'] = verified;
        const detect = summarizeMs(detectMs);
        if (detect) ctx.metadata['detect_ms'] = detect;
        if (sizes.length > 0) ctx.metadata['checkpoint_bytes'] = sizes[sizes.length - 1];
      } finally {
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
