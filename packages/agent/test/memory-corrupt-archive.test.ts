import { createHash } from 'node:crypto';
import { brotliCompressSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { MemoryArchiveCorruptError } from '../src/index';
import { describeEachBackend, numberedTurns } from './_memory-backends';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface ArchiveRow {
  payload: Buffer;
  checksum: string;
  turn_count: number;
  raw_bytes: number;
}

describeEachBackend('restore of a corrupt archive', (backend) => {
  /** A memory with session `s` (40 turns) archived, and the archive row as stored. */
  async function archivedSession() {
    const memory = await backend.open();
    await memory.append('s', numberedTurns(40, 'turn-'));
    await memory.append('other', numberedTurns(2));
    await memory.archive('s');
    const [row] = await backend.sql<ArchiveRow>(
      'SELECT payload, checksum, turn_count, raw_bytes FROM {archives}',
      'SELECT payload, checksum, turn_count, raw_bytes FROM {archives}',
    );
    return { memory, good: row as ArchiveRow };
  }

  const setArchive = (payload: Buffer, checksum: string, turnCount: number) =>
    backend.sql(
      'UPDATE {archives} SET payload = ?, checksum = ?, turn_count = ?',
      'UPDATE {archives} SET payload = $1, checksum = $2, turn_count = $3',
      [payload, checksum, turnCount],
    );

  it('is a clear error for each kind of damage, and loses nothing: the archive stays, warm is unchanged', async () => {
    const { memory, good } = await archivedSession();
    const flipped = Buffer.from(good.payload);
    flipped[10] = (flipped[10] as number) ^ 0xff;
    const truncated = good.payload.subarray(0, good.payload.length - 5);
    const notJson = brotliCompressSync(Buffer.alloc(good.raw_bytes, 0x7b));
    const damages: Array<[string, Buffer, string, number, RegExp]> = [
      ['a flipped byte', flipped, good.checksum, good.turn_count, /checksum mismatch/],
      ['truncated, checksum matching', truncated, sha256(truncated), good.turn_count, /decompression failed/],
      ['not JSON, checksum matching', notJson, sha256(notJson), good.turn_count, /not JSON/],
      ['wrong turn count', good.payload, good.checksum, 41, /40 turns, expected 41/],
    ];
    for (const [what, payload, checksum, turnCount, reason] of damages) {
      await setArchive(payload, checksum, turnCount);
      const failure = await memory.restore('s').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure, what).toBeInstanceOf(MemoryArchiveCorruptError);
      expect(failure).toMatchObject({ code: 'MEMORY_ARCHIVE_CORRUPT', sessionId: 's', reason });
      expect((failure as Error).message).toMatch(/^Cold archive of session "s" is corrupt \(.+\) — /);
      // Promotion on access reports the same error instead of returning nothing.
      await expect(memory.recent('s', 5), what).rejects.toBeInstanceOf(MemoryArchiveCorruptError);
      await expect(memory.append('s', numberedTurns(1)), what).rejects.toBeInstanceOf(
        MemoryArchiveCorruptError,
      );
      expect((await memory.describe()).rows, what).toEqual({ sessions: 1, turns: 2, archives: 1 });
    }

    // The stored archive was never touched by the failed restores: put the good bytes back and it restores.
    await setArchive(good.payload, good.checksum, good.turn_count);
    expect(await memory.restore('s')).toMatchObject({ turns: 40 });
    expect(await memory.recent('s', 100, { bypassHot: true })).toEqual(numberedTurns(40, 'turn-'));
    expect(memory.stats().restored).toBe(1);
  });
});
