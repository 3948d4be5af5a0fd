import type { BenchmarkContext } from '@kaizen-bench/harness';
import { median, percentile } from '@kaizen-bench/stats';
import { type HeldRequest, type HoldServer, startHoldServer } from '../hold-server';
import type { ResolvedInterruptsSuiteOptions } from '../options';
import type { InterruptRunOptions, InterruptRunOutcome, InterruptsSubject } from '../subject';
import { createInterruptTask, type InterruptTask, type InterruptTaskSpec, type TaskRunWatch } from '../task';

/** What a benchmark holds between setup and teardown. */
export interface Held {
  subject: InterruptsSubject;
  /** Made by a factory here, so closed here. */
  owned: boolean;
  hold: HoldServer;
  task: InterruptTask;
  spec: InterruptTaskSpec;
  beginRun(): TaskRunWatch;
}

/** Setup shared by the three benchmarks: the hold server, the task, the subject prepared for it (untimed). */
export async function acquire(ctx: BenchmarkContext, options: ResolvedInterruptsSuiteOptions): Promise<Held> {
  const hold = await startHoldServer();
  try {
    const spec: InterruptTaskSpec = { holdUrl: hold.url, fastSteps: options.fastSteps };
    const { task, beginRun } = createInterruptTask(spec);
    const source = options.subject;
    const owned = typeof source === 'function';
    const subject = owned ? await source() : source;
    ctx.metadata['subject'] = subject.name;
    ctx.metadata['fast_steps'] = options.fastSteps;
    try {
      await subject.prepare(task);
    } catch (error) {
      if (owned) await subject.close?.();
      throw error;
    }
    return { subject, owned, hold, task, spec, beginRun };
  } catch (error) {
    await hold.close();
    throw error;
  }
}

/** Teardown: the subject's facts into metadata, close it if this benchmark made it, stop the hold server. */
export async function release(ctx: BenchmarkContext, held: Held | undefined): Promise<void> {
  if (!held) return;
  try {
    if (held.subject.describe) ctx.metadata['subject_facts'] = await held.subject.describe();
  } finally {
    try {
      if (held.owned) await held.subject.close?.();
    } finally {
      await held.hold.close();
    }
  }
}

/** A run started and now in its long step (its request arrived at the hold server). */
export interface RunInLongStep {
  controller: AbortController;
  watch: TaskRunWatch;
  request: HeldRequest;
  pending: Promise<InterruptRunOutcome>;
}

/** Starts one run and waits until its long step's request arrived; rejects if the run ends before. */
export async function runToLongStep(
  held: Held,
  run: Omit<InterruptRunOptions, 'signal'>,
): Promise<RunInLongStep> {
  const controller = new AbortController();
  const watch = held.beginRun();
  const arrived = held.hold.nextRequest();
  const pending = held.subject.run({ ...run, signal: controller.signal });
  const first = await Promise.race([arrived, pending]);
  if ('status' in first)
    throw new Error(
      `the run ended (${first.status}${first.kind ? ` by ${first.kind}` : ''}) before its long step; the task must reach it`,
    );
  return { controller, watch, request: first, pending };
}

/** One run interrupted by the caller's abort in its long step; the suite stamps just before aborting. */
export async function abortInLongStep(
  held: Held,
  run: Omit<InterruptRunOptions, 'signal'>,
): Promise<{ firedAt: bigint; outcome: InterruptRunOutcome; request: HeldRequest }> {
  const { controller, request, pending } = await runToLongStep(held, run);
  const firedAt = process.hrtime.bigint();
  controller.abort(new Error('interrupted by the benchmark'));
  return { firedAt, outcome: await pending, request };
}

/** Throws unless the outcome is an interrupt by `kind` carrying the stamp `stamp`. */
export function checkOutcome(
  outcome: InterruptRunOutcome,
  kind: string,
  stamp: 'detectedAt' | 'checkpointedAt' | 'stoppedAt',
): bigint {
  if (outcome.status !== 'interrupted' || outcome.kind !== kind) {
    throw new Error(
      `subject.run returned ${outcome.status}${outcome.kind ? ` by ${outcome.kind}` : ''}, want interrupted by ${kind}`,
    );
  }
  const at = outcome[stamp];
  if (typeof at !== 'bigint')
    throw new Error(`subject.run returned no ${stamp} (a process.hrtime.bigint() stamp)`);
  return at;
}

/** Nanosecond stamps to milliseconds between them. */
export const msBetween = (from: bigint, to: bigint): number => Number(to - from) / 1e6;

/** p50 / p95 / count of `values` (ms, rounded to µs), or null when empty. */
export function summarizeMs(values: readonly number[]): { p50: number; p95: number; n: number } | null {
  if (values.length === 0) return null;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p50: round(median(values)), p95: round(percentile(values, 0.95)), n: values.length };
}
