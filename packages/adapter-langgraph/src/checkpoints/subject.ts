import { randomUUID } from 'node:crypto';
import type { AgentState, CheckpointSaveFacts, CheckpointsSubject } from '@kaizen-bench/suite-checkpoints';
import type { SerializerProtocol } from '@langchain/langgraph-checkpoint';
import type { LanggraphBackend } from '../options';
import { type OpenedSaver, openSaver } from './savers';
import { fromCheckpoint, toCheckpoint } from './state-checkpoint';

/** A serializer that compresses, and the codec name to report (e.g. `gzip`). */
export interface LanggraphCompression {
  serde: SerializerProtocol;
  codec: string;
}

/** Options of {@link createLanggraphCheckpointsSubject}. */
export interface LanggraphCheckpointsSubjectOptions {
  backend: LanggraphBackend;
  /** PostgreSQL URL, required for `postgres`. */
  pgUrl?: string;
  /**
   * A compressing serializer for the Compression benchmark (saves with `compress: true` go to a second
   * checkpointer using it). LangGraph has no compression option, so without one Compression is `skipped`.
   * @default none
   */
  compression?: LanggraphCompression;
}

const SAVER_NAMES: Record<LanggraphBackend, string> = {
  memory: 'MemorySaver',
  sqlite: 'SqliteSaver (file, WAL)',
  postgres: 'PostgresSaver',
};

/** Name of the subject in results, e.g. `LangGraph SqliteSaver (file, WAL)`. */
export function langgraphCheckpointsSubjectName(backend: LanggraphBackend): string {
  return `LangGraph ${SAVER_NAMES[backend]}`;
}

export const NO_COMPRESSION_REASON =
  'LangGraph checkpointers have no compression option (a custom serializer could compress; none is configured: pass `compression: { serde, codec }`)';

/** One thread on one checkpointer: each save is a new checkpoint whose parent is the previous one. */
interface Thread {
  opened: OpenedSaver;
  threadId: string;
  lastId: string | undefined;
  version: number;
  codec: string;
}

/**
 * A Checkpoints subject on a LangGraph checkpointer: `save` = `saver.put(config, checkpoint, metadata,
 * newVersions)` of one checkpoint whose channels are the state's fields; `load` = `saver.getTuple({
 * configurable: { thread_id, checkpoint_ns: '' } })` of the newest, state rebuilt from its channel values.
 */
export async function createLanggraphCheckpointsSubject(
  options: LanggraphCheckpointsSubjectOptions,
): Promise<CheckpointsSubject> {
  const { backend, compression } = options;
  const open = async (serde: SerializerProtocol | undefined, codec: string): Promise<Thread> => ({
    opened: await openSaver(backend, { pgUrl: options.pgUrl, serde }),
    threadId: `kaizen-bench-${randomUUID()}`,
    lastId: undefined,
    version: 0,
    codec,
  });
  const plain = await open(undefined, 'none');
  let packed: Thread | undefined;
  try {
    if (compression) packed = await open(compression.serde, compression.codec);
  } catch (error) {
    await plain.opened.close();
    throw error;
  }
  // Sizes of a state's serialized checkpoint, computed on its first save only (later saves of the same state
  // object reuse them), so facts cost one extra serialization per state, not per save.
  const sizes = new WeakMap<Thread, WeakMap<AgentState, CheckpointSaveFacts>>();
  const threadOf = (compress: boolean): Thread => {
    if (!compress) return plain;
    if (!packed) throw new Error(`${NO_COMPRESSION_REASON}; save({ compress: true }) is not offered`);
    return packed;
  };
  const configOf = (thread: Thread) => ({
    configurable: { thread_id: thread.threadId, checkpoint_ns: '', checkpoint_id: thread.lastId },
  });
  const factsOf = async (thread: Thread, state: AgentState, checkpoint: ReturnType<typeof toCheckpoint>) => {
    let byState = sizes.get(thread);
    if (!byState) {
      byState = new WeakMap();
      sizes.set(thread, byState);
    }
    let facts = byState.get(state);
    if (!facts) {
      const [, bytes] = await thread.opened.saver.serde.dumpsTyped(checkpoint);
      facts = {
        bytes: bytes.byteLength,
        rawBytes: Buffer.byteLength(JSON.stringify(state)),
        codec: thread.codec,
      };
      byState.set(state, facts);
    }
    return facts;
  };
  return {
    name: langgraphCheckpointsSubjectName(backend),
    ...(compression ? {} : { unsupported: { compression: NO_COMPRESSION_REASON } }),
    async save(state, { compress }) {
      const thread = threadOf(compress);
      thread.version++;
      const checkpoint = toCheckpoint(state, thread.version);
      const saved = await thread.opened.saver.put(
        configOf(thread),
        checkpoint,
        { source: 'loop', step: thread.version, parents: {} },
        checkpoint.channel_versions,
      );
      thread.lastId = saved.configurable?.['checkpoint_id'] as string;
      return factsOf(thread, state, checkpoint);
    },
    async load({ compress }) {
      const thread = threadOf(compress);
      const tuple = await thread.opened.saver.getTuple({
        configurable: { thread_id: thread.threadId, checkpoint_ns: '' },
      });
      if (!tuple) throw new Error(`${langgraphCheckpointsSubjectName(backend)}: no checkpoint saved yet`);
      return fromCheckpoint(tuple.checkpoint);
    },
    async storedBytes() {
      return (await plain.opened.storedBytes()) + (packed ? await packed.opened.storedBytes() : 0);
    },
    async describe() {
      return {
        ...(await plain.opened.describe()),
        checkpoints_saved: plain.version,
        channels: 'one per top-level state field, all written each save',
        compression: compression
          ? {
              codec: compression.codec,
              serializer: compression.serde.constructor.name,
              checkpoints_saved: packed?.version,
            }
          : 'none (LangGraph has no compression option)',
      };
    },
    async close() {
      try {
        await plain.opened.close();
      } finally {
        await packed?.opened.close();
      }
    },
  };
}
