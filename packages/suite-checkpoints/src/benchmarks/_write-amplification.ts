import type { AgentState } from '@kaizen-bench/agent';
import type { ResolvedCheckpointsSuiteOptions } from '../options';
import type { CheckpointsSubject } from '../subject';

/** Messages the conversation grows by between two saves: one user / assistant / tool / assistant round. */
export const GROWTH_MESSAGES_PER_SAVE = 4;

const WHAT =
  'A fresh subject saves a conversation growing to the suite state: save i holds its first ' +
  `${GROWTH_MESSAGES_PER_SAVE} x i messages (and all of its memory, budget and tool state). stored_bytes = ` +
  "the subject's storedBytes() after the last save (files on disk, table sizes or in-memory buffers); " +
  'stored_over_final_state = (stored_bytes - stored_bytes_empty) / final_state_json_bytes, i.e. how many ' +
  'copies of the newest state the storage holds.';

/**
 * Untimed: bytes stored after saving a growing conversation on a fresh subject (write amplification, a known
 * complaint about checkpointers that rewrite the whole history each step). Needs a subject factory and the
 * subject's `storedBytes()`; otherwise says why it was not measured.
 */
export async function measureWriteAmplification(
  options: ResolvedCheckpointsSuiteOptions,
  timed: CheckpointsSubject,
  state: AgentState,
): Promise<Record<string, unknown>> {
  // Asked of the subject Save timed, so a subject without it costs no extra subject.
  if (!timed.storedBytes) {
    return { measured: false, reason: `${timed.name} has no storedBytes(): it cannot say what it stores` };
  }
  const source = options.subject;
  if (typeof source !== 'function') {
    return {
      measured: false,
      reason: 'needs a fresh subject: pass a subject factory, not a subject object',
    };
  }
  const subject = await source();
  try {
    if (!subject.storedBytes) return { measured: false, reason: `${subject.name} has no storedBytes()` };
    const saves = Math.max(1, Math.ceil(state.conversation.length / GROWTH_MESSAGES_PER_SAVE));
    const empty = await subject.storedBytes();
    let statesBytes = 0;
    let written = 0;
    let finalBytes = 0;
    for (let i = 1; i <= saves; i++) {
      const grown = { ...state, conversation: state.conversation.slice(0, i * GROWTH_MESSAGES_PER_SAVE) };
      finalBytes = Buffer.byteLength(JSON.stringify(grown));
      statesBytes += finalBytes;
      written += (await subject.save(grown, { compress: false })).bytes;
    }
    const stored = await subject.storedBytes();
    return {
      measured: true,
      what: WHAT,
      saves,
      messages_per_save: GROWTH_MESSAGES_PER_SAVE,
      final_messages: Math.min(saves * GROWTH_MESSAGES_PER_SAVE, state.conversation.length),
      final_state_json_bytes: finalBytes,
      states_json_bytes_total: statesBytes,
      bytes_written_total: written,
      stored_bytes_empty: empty,
      stored_bytes: stored,
      stored_over_final_state: Math.round(((stored - empty) / finalBytes) * 100) / 100,
    };
  } finally {
    await subject.close?.();
  }
}
