import { type CheckpointCodec, CODEC_IDS, codecFromId } from './codec';

/** File layout: a fixed header, then the (possibly compressed) JSON payload. All integers little-endian. */
const MAGIC = Buffer.from('KZCP', 'ascii');
/** Version of the file layout (not of the agent state inside it). */
export const CHECKPOINT_FORMAT_VERSION = 1;
// magic(4) formatVersion(u16) codec(u8) flags(u8) payloadBytes(u64) rawBytes(u64) sha256(32)
const HASHED_PREFIX_BYTES = 24;
export const HEADER_BYTES = HASHED_PREFIX_BYTES + 32;

export interface DecodedCheckpoint {
  codec: CheckpointCodec;
  payload: Buffer;
  rawBytes: number;
}

/** Thrown by `decodeCheckpoint`; the store turns it into a `CheckpointCorruptError` naming the file. */
export class CheckpointFormatError extends Error {}

// The checksum covers the header fields too, so a flipped codec or length byte is caught as well.
function checksum(prefix: Buffer, payload: Buffer): Buffer {
  // node:crypto loads on first use, so importing the package does not pay for it.
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(prefix).update(payload).digest();
}

export function encodeHeader(codec: CheckpointCodec, payload: Buffer, rawBytes: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt16LE(CHECKPOINT_FORMAT_VERSION, 4);
  header.writeUInt8(CODEC_IDS[codec], 6);
  header.writeUInt8(0, 7);
  header.writeBigUInt64LE(BigInt(payload.length), 8);
  header.writeBigUInt64LE(BigInt(rawBytes), 16);
  checksum(header.subarray(0, HASHED_PREFIX_BYTES), payload).copy(header, HASHED_PREFIX_BYTES);
  return header;
}

export function decodeCheckpoint(file: Buffer): DecodedCheckpoint {
  if (file.length < HEADER_BYTES) {
    throw new CheckpointFormatError(
      `truncated: ${file.length} bytes, shorter than the ${HEADER_BYTES}-byte header`,
    );
  }
  if (!file.subarray(0, 4).equals(MAGIC)) throw new CheckpointFormatError('not a checkpoint file: bad magic');
  const version = file.readUInt16LE(4);
  if (version !== CHECKPOINT_FORMAT_VERSION) {
    throw new CheckpointFormatError(`unsupported file format version ${version}`);
  }
  const codecId = file.readUInt8(6);
  const codec = codecFromId(codecId);
  if (codec === undefined) throw new CheckpointFormatError(`unknown codec id ${codecId}`);
  const payloadBytes = Number(file.readBigUInt64LE(8));
  const actual = file.length - HEADER_BYTES;
  if (actual < payloadBytes)
    throw new CheckpointFormatError(`truncated: payload ${actual} of ${payloadBytes} bytes`);
  if (actual > payloadBytes)
    throw new CheckpointFormatError(`${actual - payloadBytes} unexpected trailing bytes`);
  const payload = file.subarray(HEADER_BYTES);
  const expected = file.subarray(HASHED_PREFIX_BYTES, HEADER_BYTES);
  if (!checksum(file.subarray(0, HASHED_PREFIX_BYTES), payload).equals(expected)) {
    throw new CheckpointFormatError('checksum mismatch');
  }
  return { codec, payload, rawBytes: Number(file.readBigUInt64LE(16)) };
}
