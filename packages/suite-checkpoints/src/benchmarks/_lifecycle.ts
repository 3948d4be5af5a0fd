import { isDeepStrictEqual } from 'node:util';
import type { AgentState } from '@kaizen-bench/agent';
import type { BenchmarkContext } from '@kaizen-bench/harness';
import { buildAgentState } from '../build-agent-state';
import type { ResolvedCheckpointsSuiteOptions } from '../options';
import type { CheckpointSaveFacts, CheckpointsBenchmarkKey, CheckpointsSubject } from '../subject';

/** The subject a benchmark got in `requires`. */
export interface Obtained {
  subject: CheckpointsSubject;
  /** Made by a factory here, so closed here. */
  owned: boolean;
}

/** What a benchmark holds between setup and teardown. */
export interface Held extends Obtained {
  state: AgentState;
}

/**
 * `requires` of the three benchmarks: gets the subject (a factory is called once per benchmark) and, when it
 * declares the benchmark unsupported, lets it go and returns its reason to skip.
 */
export async function obtain(
  options: ResolvedCheckpointsSuiteOptions,
  benchmark: CheckpointsBenchmarkKey,
): Promise<Obtained | { reason: string }> {
  const source = options.subject;
  const owned = typeof source === 'function';
  const subject = owned ? await source() : source;
  const reason = subject.unsupported?.[benchmark];
  if (reason === undefined) return { subject, owned };
  if (owned) await subject.close?.();
  return { reason: `${subject.name}: ${reason}` };
}

/** Setup shared by the three benchmarks: the state built from the run's PRNG (untimed), facts into metadata. */
export function prepare(
  ctx: BenchmarkContext,
  options: ResolvedCheckpointsSuiteOptions,
  obtained: Obtained,
): Held {
  const state = buildAgentState(ctx.rng, options.stateSize);
  ctx.metadata['subject'] = obtained.subject.name;
  ctx.metadata['state_messages'] = state.conversation.length;
  ctx.metadata['state_memory_entries'] = state.memory.length;
  ctx.metadata['state_json_bytes'] = Buffer.byteLength(JSON.stringify(state));
  return { ...obtained, state };
}

/** Teardown: the subject's own facts into metadata, then close it if this benchmark made it. */
export async function release(ctx: BenchmarkContext, held: Obtained | undefined): Promise<void> {
  if (!held) return;
  try {
    if (held.subject.describe) ctx.metadata['subject_facts'] = await held.subject.describe();
  } finally {
    if (held.owned) await held.subject.close?.();
  }
}

export function sizeFacts(facts: CheckpointSaveFacts): Record<string, unknown> {
  return { bytes: facts.bytes, raw_bytes: facts.rawBytes, codec: facts.codec ?? 'unknown' };
}

/** Untimed check that a subject's load returned the state that was saved. */
export function assertSameState(loaded: unknown, expected: AgentState, what: string): void {
  if (!isDeepStrictEqual(loaded, expected)) {
    throw new Error(
      `${what}: subject.load() did not return the state that was saved; fix the subject's load.`,
    );
  }
}
