import { expect, it } from 'vitest';
import { describeEachBackend, numberedTurns } from './_memory-backends';

const MINUTE = 60_000;

describeEachBackend('demotion policy', (backend) => {
  it('archives sessions idle longer than maxIdleMs, keeps the active ones, and only when demote() is called', async () => {
    let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
    const memory = await backend.open({ demotion: { maxIdleMs: 30 * MINUTE }, now: () => clock });
    await memory.append('old', numberedTurns(3));
    clock += 20 * MINUTE;
    await memory.append('mid', numberedTurns(3));
    clock += 15 * MINUTE; // old: idle 35 min, mid: 15 min
    await memory.append('new', numberedTurns(3));
    // Reading is not activity: only appends count.
    await memory.recent('old', 3, { bypassHot: true });

    expect((await memory.describe()).rows.archives).toBe(0);
    const { archived } = await memory.demote();
    expect(archived.map((a) => a.sessionId)).toEqual(['old']);
    expect(archived[0]).toMatchObject({ turns: 3, codec: 'brotli' });
    expect((await memory.describe()).rows).toEqual({ sessions: 2, turns: 6, archives: 1 });

    clock += 20 * MINUTE; // mid: 35 min, new: 20 min
    expect((await memory.demote()).archived.map((a) => a.sessionId)).toEqual(['mid']);
    expect((await memory.demote()).archived).toEqual([]);

    // A demoted session comes back on access, and counts as active again.
    expect(await memory.recent('old', 3)).toEqual(numberedTurns(3));
    expect(memory.stats().cold.hits).toBe(1);
    expect((await memory.demote()).archived).toEqual([]);
    expect((await memory.describe()).rows).toEqual({ sessions: 2, turns: 6, archives: 1 });
  });

  it('keeps at most maxWarmSessions in the warm tier, archiving the least recently appended-to', async () => {
    let clock = 1_000_000;
    const memory = await backend.open({ demotion: { maxWarmSessions: 2 }, now: () => clock });
    for (const id of ['a', 'b', 'c', 'd']) {
      clock += MINUTE;
      await memory.append(id, numberedTurns(2, `${id}-`));
    }
    clock += MINUTE;
    await memory.append('a', numberedTurns(1, 'a-', 2)); // a is now the most recent

    const { archived } = await memory.demote();
    expect(archived.map((a) => a.sessionId).sort()).toEqual(['b', 'c']);
    expect((await memory.describe()).rows).toEqual({ sessions: 2, turns: 5, archives: 2 });
    expect((await memory.demote()).archived).toEqual([]);
    expect(await memory.recent('b', 5)).toEqual(numberedTurns(2, 'b-'));
  });

  it('combines both limits, and demotes nothing without a policy', async () => {
    let clock = 0;
    const none = await backend.open({ now: () => clock });
    for (const id of ['a', 'b', 'c']) await none.append(id, numberedTurns(1));
    clock += 365 * 24 * 60 * MINUTE;
    expect(await none.demote()).toEqual({ archived: [] });
    await none.close();

    const both = await backend.open({
      demotion: { maxIdleMs: 10 * MINUTE, maxWarmSessions: 1 },
      now: () => clock,
    });
    clock += MINUTE;
    await both.append('b', numberedTurns(1, 'b-', 1));
    clock += MINUTE;
    await both.append('c', numberedTurns(1, 'c-', 1));
    // a is idle for a year (idle rule); of b and c one more must go (count rule): b, the older.
    expect((await both.demote()).archived.map((a) => a.sessionId).sort()).toEqual(['a', 'b']);
    expect((await both.describe()).rows).toMatchObject({ sessions: 1, archives: 2 });
  });
});
