import { expect, it } from 'vitest';
import { describeEachBackend, numberedTurns } from './_memory-backends';

describeEachBackend('append / recent / archive / restore', (backend) => {
  it('appends and reads back in order, from the hot tier and (bypassing it) from the warm tier', async () => {
    const memory = await backend.open();
    await memory.append('s1', numberedTurns(3));
    await memory.append('s1', numberedTurns(2, 't', 3));
    await memory.append('s2', [{ role: 'system', content: 'other session' }]);

    expect(await memory.recent('s1', 10)).toEqual(numberedTurns(5));
    expect(await memory.recent('s1', 2)).toEqual(numberedTurns(2, 't', 3));
    expect(await memory.recent('s1', 3, { bypassHot: true })).toEqual(numberedTurns(3, 't', 2));
    expect(await memory.recent('s2', 5)).toEqual([{ role: 'system', content: 'other session' }]);
    expect(await memory.recent('nobody', 5)).toEqual([]);
    expect(await memory.recent('s1', 0)).toEqual([]);
    // Sessions appended from their first turn on are complete in the hot tier: all hits.
    expect(memory.stats()).toMatchObject({
      hot: { hits: 3, misses: 1 },
      warm: { hits: 1, misses: 1 },
      cold: { hits: 0, misses: 1 },
    });

    // Returned turns are copies: changing them changes nothing stored.
    const read = await memory.recent('s1', 1);
    (read[0] as { content: string }).content = 'changed';
    expect(await memory.recent('s1', 1)).toEqual(numberedTurns(1, 't', 4));
  });

  it('keeps everything across a reopen: the warm tier is the database, the hot tier refills on a miss', async () => {
    const first = await backend.open();
    await first.append('s', numberedTurns(30));
    await first.close();

    const second = await backend.open();
    expect(await second.recent('s', 5)).toEqual(numberedTurns(5, 't', 25));
    expect(second.stats().hot).toEqual({ hits: 0, misses: 1 });
    expect(await second.recent('s', 30)).toEqual(numberedTurns(30));
    expect(second.stats().hot).toEqual({ hits: 1, misses: 1 });
    expect((await second.describe()).rows).toEqual({ sessions: 1, turns: 30, archives: 0 });
  });

  it('archives a session into one compressed blob and restores it exactly, turns and order', async () => {
    const memory = await backend.open();
    const turns = Array.from({ length: 200 }, (_, i) => ({
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      content: `Turn ${i}: the agent read src/memory/store.ts and reported ${i % 7} findings about the index.`,
    }));
    await memory.append('long', turns);
    await memory.append('kept', numberedTurns(2));

    const archived = await memory.archive('long');
    expect(archived).toMatchObject({ sessionId: 'long', turns: 200, codec: 'brotli' });
    expect(archived.bytes).toBeLessThan(archived.rawBytes);
    expect(archived.ratio).toBeCloseTo(archived.rawBytes / archived.bytes, 9);
    expect((await memory.describe()).rows).toEqual({ sessions: 1, turns: 2, archives: 1 });
    const [blob] = await backend.sql<{ codec: string; turn_count: number }>(
      'SELECT codec, turn_count FROM {archives}',
      'SELECT codec, turn_count FROM {archives}',
    );
    expect(blob).toEqual({ codec: 'brotli', turn_count: 200 });

    const restored = await memory.restore('long');
    expect(restored).toMatchObject({ sessionId: 'long', turns: 200, bytes: archived.bytes, codec: 'brotli' });
    expect((await memory.describe()).rows).toEqual({ sessions: 2, turns: 202, archives: 0 });
    expect(await memory.recent('long', 500, { bypassHot: true })).toEqual(turns);
    // Restore filled the hot tier with the session's newest turns.
    const before = memory.stats().hot.hits;
    expect(await memory.recent('long', 10)).toEqual(turns.slice(-10));
    expect(memory.stats().hot.hits).toBe(before + 1);
    expect(memory.stats()).toMatchObject({ archived: 1, restored: 1 });
  });

  it('promotes an archived session on access: recent() restores it, append() restores then appends', async () => {
    const memory = await backend.open({ archiveCodec: 'gzip' });
    await memory.append('a', numberedTurns(4));
    await memory.append('b', numberedTurns(4));
    await memory.archive('a');
    await memory.archive('b');

    expect(await memory.recent('a', 2)).toEqual(numberedTurns(2, 't', 2));
    expect(memory.stats().cold).toEqual({ hits: 1, misses: 0 });

    await memory.append('b', numberedTurns(1, 't', 4));
    expect(await memory.recent('b', 10)).toEqual(numberedTurns(5));
    expect((await memory.describe()).rows).toEqual({ sessions: 2, turns: 9, archives: 0 });
    expect(memory.stats().restored).toBe(2);
  });

  it('deletes a session from every tier', async () => {
    const memory = await backend.open();
    await memory.append('warm', numberedTurns(3));
    await memory.append('cold', numberedTurns(3));
    await memory.archive('cold');
    await memory.append('kept', numberedTurns(1));
    expect(await memory.delete('warm')).toBe(true);
    expect(await memory.delete('cold')).toBe(true);
    expect(await memory.delete('nobody')).toBe(false);
    expect(await memory.recent('warm', 5)).toEqual([]);
    expect(await memory.recent('cold', 5)).toEqual([]);
    expect((await memory.describe()).rows).toEqual({ sessions: 1, turns: 1, archives: 0 });
  });

  it('says what is missing: archive of an unknown session, restore of a session without archive', async () => {
    const memory = await backend.open();
    await expect(memory.archive('nobody')).rejects.toMatchObject({
      code: 'MEMORY_SESSION_NOT_FOUND',
      tier: 'warm',
    });
    await memory.append('s', numberedTurns(1));
    await expect(memory.restore('s')).rejects.toMatchObject({
      code: 'MEMORY_SESSION_NOT_FOUND',
      tier: 'cold',
    });
    await memory.archive('s');
    await expect(memory.archive('s')).rejects.toThrow(/no turns in the warm tier/);
  });
});
