import type { BenchmarkContext } from '@kaizen-bench/harness';
import type { ResolvedMultiAgentSuiteOptions } from '../options';
import type { MultiAgentBenchmarkId, MultiAgentSubject } from '../subject';

/** The subject a benchmark holds from `requires` to teardown. */
export interface Held {
  subject: MultiAgentSubject;
  /** Made by a factory here, so closed here. */
  owned: boolean;
}

type Operation = 'sendMessage' | 'route' | 'delegate';

/**
 * `requires` shared by the three benchmarks: makes (or takes) the subject, untimed, and skips the benchmark
 * with the reason when the subject declares it unsupported or lacks the operation it times. A skipped benchmark has no teardown, so a
 * subject made here for nothing is closed here.
 */
export async function acquire(
  ctx: BenchmarkContext,
  options: ResolvedMultiAgentSuiteOptions,
  id: MultiAgentBenchmarkId,
  operation: Operation,
  what: string,
): Promise<Held | string> {
  const source = options.subject;
  const owned = typeof source === 'function';
  const subject = owned ? await source(options.team) : source;
  ctx.metadata['subject'] = subject.name;
  const unsupported = subject.unsupported?.[id];
  if (unsupported !== undefined) {
    if (owned) await subject.close?.();
    return `subject ${subject.name} does not offer it: ${unsupported}`;
  }
  if (typeof subject[operation] !== 'function') {
    if (owned) await subject.close?.();
    return `subject ${subject.name} has no ${operation}(): ${what}`;
  }
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

/** The indices 0..n-1 in an order drawn from the benchmark's seeded PRNG (Fisher-Yates). */
export function seededOrder(ctx: BenchmarkContext, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = ctx.rng.int(0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** A ratio rounded to 4 decimals (accuracies in metadata). */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
