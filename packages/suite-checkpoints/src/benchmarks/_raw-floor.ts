import { mkdtemp, open, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The physical floor of a durable checkpoint: the same bytes written and read with plain `fs` calls, nothing
 * else (no serialization, checksum, header or retention). Lives in its own temp directory.
 */
export interface RawFloor {
  /** Temp file write + fsync + close + rename over `floor.bin` + directory fsync. */
  write(bytes: Buffer): Promise<void>;
  /** `readFile` of `floor.bin`. */
  read(): Promise<Buffer>;
  close(): Promise<void>;
}

export const RAW_WRITE_DESCRIPTION =
  'open temp file + write + fsync + close + rename over the target + directory fsync';
export const RAW_READ_DESCRIPTION = 'readFile of the whole file';

export async function createRawFloor(): Promise<RawFloor> {
  const dir = await mkdtemp(join(tmpdir(), 'kaizen-bench-floor-'));
  const target = join(dir, 'floor.bin');
  const temp = join(dir, 'floor.bin.tmp');
  return {
    async write(bytes) {
      const file = await open(temp, 'w');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, target);
      const directory = await open(dir, 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
    },
    read: () => readFile(target),
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
