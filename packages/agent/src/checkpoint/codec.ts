import type { BrotliOptions, ZlibOptions } from 'node:zlib';

/** How a checkpoint payload is stored. */
export type CheckpointCodec = 'none' | 'gzip' | 'brotli';

/** Codec ids as written in the file header: never renumber. */
export const CODEC_IDS: Readonly<Record<CheckpointCodec, number>> = { none: 0, gzip: 1, brotli: 2 };

/**
 * The codec to use when a checkpoint should be compressed. Measured on the ~100 KB benchmark state
 * (README "Checkpoints"): brotli quality 3 reaches ratio 3.5 in ~1-1.5 ms, gzip needs level 6 and ~3 ms
 * for the same ratio; zstd is not in Node 20's zlib.
 */
export const RECOMMENDED_CHECKPOINT_CODEC: CheckpointCodec = 'brotli';

// gzip is there for compatibility (zcat after the header), so it keeps zlib's default level.
const GZIP_LEVEL = 6;
// Quality 3: the knee of the curve on agent state (q2-q3 ratio 3.5 at ~1.2 ms, q4 +1% for 2x the time).
const BROTLI_QUALITY = 3;

/** node:zlib, loaded on first use: importing it up front would slow down importing the package. */
function zlib(): typeof import('node:zlib') {
  return process.getBuiltinModule('node:zlib');
}

type ZlibCall<O> = (
  input: Buffer,
  options: O,
  callback: (error: Error | null, result: Buffer) => void,
) => void;

function call<O>(fn: ZlibCall<O>, input: Buffer, options: O): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    fn(input, options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export function codecFromId(id: number): CheckpointCodec | undefined {
  for (const [name, value] of Object.entries(CODEC_IDS)) if (value === id) return name as CheckpointCodec;
  return undefined;
}

export function isCheckpointCodec(value: unknown): value is CheckpointCodec {
  return value === 'none' || value === 'gzip' || value === 'brotli';
}

export async function compress(codec: CheckpointCodec, raw: Buffer): Promise<Buffer> {
  switch (codec) {
    case 'none':
      return raw;
    case 'gzip':
      return call<ZlibOptions>(zlib().gzip, raw, { level: GZIP_LEVEL });
    case 'brotli': {
      const { brotliCompress, constants } = zlib();
      return call<BrotliOptions>(brotliCompress, raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      });
    }
  }
}

export async function decompress(codec: CheckpointCodec, payload: Buffer): Promise<Buffer> {
  switch (codec) {
    case 'none':
      return payload;
    case 'gzip':
      return call<ZlibOptions>(zlib().gunzip, payload, {});
    case 'brotli':
      return call<BrotliOptions>(zlib().brotliDecompress, payload, {});
  }
}
