import { type CheckpointCodec, compress, decompress, isCheckpointCodec } from '../checkpoint/codec';
import { MemoryArchiveCorruptError } from './errors';
import { type ArchiveRecord, isTurnRole, type StoredTurn } from './store';

/** How a session's cold archive is compressed. */
export type ArchiveCodec = CheckpointCodec;

/**
 * Payload layout version. v1: JSON array of `[role, content, createdMs]` triples, oldest first (arrays
 * rather than objects: ~25% fewer raw bytes to compress and parse).
 */
export const ARCHIVE_FORMAT_VERSION = 1;

export function isArchiveCodec(value: unknown): value is ArchiveCodec {
  return isCheckpointCodec(value);
}

function sha256Hex(payload: Buffer): string {
  // node:crypto is loaded on first use: importing it up front would slow down importing the package.
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(payload).digest('hex');
}

/** Turns -> compressed payload with its checksum and sizes (the archive minus session id and time). */
export async function encodeArchive(
  turns: readonly StoredTurn[],
  codec: ArchiveCodec,
): Promise<Omit<ArchiveRecord, 'sessionId' | 'archivedMs'>> {
  const raw = Buffer.from(JSON.stringify(turns.map((t) => [t.role, t.content, t.createdMs])));
  const payload = await compress(codec, raw);
  return {
    codec,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    turnCount: turns.length,
    rawBytes: raw.length,
    checksum: sha256Hex(payload),
    payload,
  };
}

function isTriple(value: unknown): value is [StoredTurn['role'], string, number] {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    isTurnRole(value[0]) &&
    typeof value[1] === 'string' &&
    typeof value[2] === 'number'
  );
}

/**
 * Checks and decodes an archive: checksum, codec, decompressed size, JSON, every turn's shape and the turn
 * count. Any mismatch is a {@link MemoryArchiveCorruptError}; nothing is written here.
 */
export async function decodeArchive(record: ArchiveRecord): Promise<StoredTurn[]> {
  const corrupt = (reason: string, cause?: unknown) =>
    new MemoryArchiveCorruptError(record.sessionId, reason, cause === undefined ? undefined : { cause });
  if (record.formatVersion !== ARCHIVE_FORMAT_VERSION)
    throw corrupt(`unknown format version ${record.formatVersion}`);
  if (!isArchiveCodec(record.codec)) throw corrupt(`unknown codec ${JSON.stringify(record.codec)}`);
  if (sha256Hex(record.payload) !== record.checksum) throw corrupt('checksum mismatch');
  let raw: Buffer;
  try {
    raw = await decompress(record.codec, record.payload);
  } catch (error) {
    throw corrupt(`${record.codec} decompression failed`, error);
  }
  if (raw.length !== record.rawBytes)
    throw corrupt(`decoded ${raw.length} bytes, expected ${record.rawBytes}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw corrupt('payload is not JSON', error);
  }
  if (!Array.isArray(parsed)) throw corrupt('payload is not a list of turns');
  if (parsed.length !== record.turnCount)
    throw corrupt(`${parsed.length} turns, expected ${record.turnCount}`);
  const turns: StoredTurn[] = new Array(parsed.length);
  for (let i = 0; i < parsed.length; i++) {
    const item: unknown = parsed[i];
    if (!isTriple(item)) throw corrupt(`turn ${i} is malformed`);
    turns[i] = { role: item[0], content: item[1], createdMs: item[2] };
  }
  return turns;
}
