import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CheckpointCodec, CheckpointStore, RECOMMENDED_CHECKPOINT_CODEC } from '@kaizen-bench/agent';
import type { CheckpointsSubject } from './subject';

/** Name of the default subject in results. */
export const STORE_SUBJECT_NAME = 'CheckpointStore (@kaizen-bench/agent)';

export interface StoreSubjectOptions {
  /** Retention: checkpoints kept. @default 10 */
  keep?: number;
  /** Codec when the suite asks for compression. @default RECOMMENDED_CHECKPOINT_CODEC ('brotli') */
  codec?: Exclude<CheckpointCodec, 'none'>;
}

/**
 * The default subject: a `CheckpointStore` with retention in a fresh temp directory, removed on `close()`.
 * Uncompressed and compressed checkpoints go to separate stores, so each `load` reads its own newest file.
 */
export async function createStoreSubject(options: StoreSubjectOptions = {}): Promise<CheckpointsSubject> {
  const keep = options.keep ?? 10;
  const codec = options.codec ?? RECOMMENDED_CHECKPOINT_CODEC;
  const root = await mkdtemp(join(tmpdir(), 'kaizen-bench-checkpoints-'));
  const plain = new CheckpointStore({ dir: join(root, 'plain'), keep, compression: 'none' });
  const packed = new CheckpointStore({ dir: join(root, 'compressed'), keep, compression: codec });
  const storeOf = (compress: boolean) => (compress ? packed : plain);
  return {
    name: STORE_SUBJECT_NAME,
    async save(state, { compress }) {
      const saved = await storeOf(compress).save(state);
      return { bytes: saved.bytes, rawBytes: saved.rawBytes, codec: saved.codec };
    },
    async load({ compress }) {
      return (await storeOf(compress).load()).state;
    },
    async storedBytes() {
      // Every file under the subject's directory: both stores' checkpoints, temp files included.
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      let total = 0;
      for (const entry of entries) {
        if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
      }
      return total;
    },
    async describe() {
      const files = async (store: CheckpointStore) =>
        (await readdir(store.dir).catch(() => [])).filter((name) => name.endsWith('.ckpt')).length;
      return {
        keep,
        codec,
        durability: 'temp file + fsync + rename + directory fsync',
        // Evidence that retention works without re-reading checkpoints: files on disk stay <= keep.
        files_on_disk: { plain: await files(plain), compressed: await files(packed) },
        store_stats: { plain: plain.stats, compressed: packed.stats },
      };
    },
    async close() {
      await rm(root, { recursive: true, force: true });
    },
  };
}
