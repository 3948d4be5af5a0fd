import { isDeepStrictEqual } from 'node:util';
import type { BenchmarkContext } from '@kaizen-bench/harness';
import type { ResolvedMemorySuiteOptions } from '../options';
import type { MemorySubject, MemoryTurn } from '../subject';

/** What a benchmark holds between `requires` and teardown. */
export interface Held {
  subject: MemorySubject;
  /** Made by a factory here, so closed here. */
  owned: boolean;
}

/**
 * `requires` of the three benchmarks: gets the subject (a factory is called once per benchmark) and, when it
 * lacks the tier, lets it go and returns the reason to skip.
 */
export async function obtain(
  options: ResolvedMemorySuiteOptions,
  tier: 'hot' | 'warm' | 'cold',
): Promise<{ held: Held } | { reason: string }> {
  const source = options.subject;
  const owned = typeof source === 'function';
  const subject = owned ? await source() : source;
  const declared = subject.unsupported?.[tier];
  if (subject[tier] && declared === undefined) return { held: { subject, owned } };
  if (owned) await subject.close?.();
  if (declared !== undefined) return { reason: `${subject.name}: ${declared}` };
  return { reason: `${subject.name} has no ${tier} tier (the subject implements no \`${tier}\` operations)` };
}

/** Teardown: the subject's facts into metadata, then close it if this benchmark made it. */
export async function release(
  ctx: BenchmarkContext,
  held: Held | undefined,
): Promise<Record<string, unknown>> {
  if (!held) return {};
  let facts: Record<string, unknown> = {};
  try {
    if (held.subject.describe) {
      facts = await held.subject.describe();
      ctx.metadata['subject_facts'] = facts;
      if (typeof facts['backend'] === 'string') ctx.metadata['backend'] = facts['backend'];
    }
  } finally {
    if (held.owned) await held.subject.close?.();
  }
  return facts;
}

/** Untimed check that a read returned exactly the expected turns (same roles, contents and order). */
export function assertTurns(actual: unknown, expected: readonly MemoryTurn[], what: string): void {
  const plain = Array.isArray(actual)
    ? actual.map((t: { role?: unknown; content?: unknown }) => ({ role: t?.role, content: t?.content }))
    : actual;
  if (!isDeepStrictEqual(plain, expected)) {
    const got = Array.isArray(actual) ? `${actual.length} turns` : typeof actual;
    throw new Error(
      `${what}: the subject returned ${got}, not the ${expected.length} expected turns in order; fix the subject's read.`,
    );
  }
}
