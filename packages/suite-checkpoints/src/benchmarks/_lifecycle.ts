import { isDeepStrictEqual } from 'node:util';
import type { AgentState } from '@kaizen-bench/agent';
import type { BenchmarkContext } from '@kaizen-bench/harness';
import { buildAgentState } from '../build-agent-state';
import type { ResolvedCheckpointsSuiteOptions } from '../options';
import type { CheckpointSaveFacts, CheckpointsSubject } from '../subject';

/** What a benchmark holds between setup and teardown. */
export interface Held {
  subject: CheckpointsSubject;
  /** Made by a factory here, so closed here. */
  owned: boolean;
  state: AgentState;
}

/** Setup shared by the three benchmarks: the subject, and the state built from the run's PRNG (untimed). */
export async function acquire(
  ctx: BenchmarkContext,
  options: ResolvedCheckpointsSuiteOptions,
): Promise<Held> {
  const source = options.subject;
  const owned = typeof source === 'function';
  const subject = owned ? await source() : source;
  const state = buildAgentState(ctx.rng, options.stateSize);
  ctx.metadata['subject'] = subject.name;
  ctx.metadata['state_messages'] = state.conversation.length;
  ctx.metadata['state_memory_entries'] = state.memory.length;
  ctx.metadata['state_json_bytes'] = Buffer.byteLength(JSON.stringify(state));
  return { subject, owned, state };
}

/** Teardown: the subject's own facts into metadata, then close it if this benchmark made it. */
export async function release(ctx: BenchmarkContext, held: Held | undefined): Promise<void> {
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
