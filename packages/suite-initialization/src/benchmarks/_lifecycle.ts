import type { BenchmarkContext } from '@kaizen-bench/harness';
import { median } from '@kaizen-bench/stats';
import type { ResolvedInitializationSuiteOptions } from '../options';
import type { InitializationSubject } from '../subject';

/** The subject a benchmark holds between setup and teardown. */
export interface Held {
  subject: InitializationSubject;
  /** Made by a factory here, so closed here. */
  owned: boolean;
}

/** Setup shared by the three benchmarks: the subject (untimed). */
export async function acquire(
  ctx: BenchmarkContext,
  options: ResolvedInitializationSuiteOptions,
): Promise<Held> {
  const source = options.subject;
  const owned = typeof source === 'function';
  const subject = owned ? await source() : source;
  ctx.metadata['subject'] = subject.name;
  return { subject, owned };
}

/** Teardown: the subject's facts into metadata, then close it if this benchmark made it. */
export async function release(ctx: BenchmarkContext, held: Held | undefined): Promise<void> {
  if (!held) return;
  try {
    if (held.subject.describe) ctx.metadata['subject_facts'] = await held.subject.describe();
  } finally {
    if (held.owned) await held.subject.close?.();
  }
}

/** Median of recorded values, rounded to µs; null when none were recorded. */
export function medianMs(values: readonly number[]): number | null {
  return values.length > 0 ? Math.round(median(values) * 1000) / 1000 : null;
}
