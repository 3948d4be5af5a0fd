import { expect, it } from 'vitest';
import { describeEachBackend, numberedTurns } from './_memory-backends';

describeEachBackend('hot tier bounds', (backend) => {
  it('holds at most maxSessions sessions and maxTurnsPerSession turns each; beyond them reads go warm, still right', async () => {
    const memory = await backend.open({ hot: { maxSessions: 3, maxTurnsPerSession: 5 } });
    for (let s = 0; s < 10; s++) await memory.append(`s${s}`, numberedTurns(4, `s${s}-`));
    let facts = await memory.describe();
    expect(facts.hot).toEqual({ sessions: 3, maxSessions: 3, maxTurnsPerSession: 5 });
    expect(facts.rows).toMatchObject({ sessions: 10, turns: 40 });

    // The least recently used sessions left the hot tier, not the warm one.
    expect(await memory.recent('s0', 4)).toEqual(numberedTurns(4, 's0-'));
    expect(memory.stats().hot).toEqual({ hits: 0, misses: 1 });
    expect(await memory.recent('s9', 4)).toEqual(numberedTurns(4, 's9-'));
    expect(memory.stats().hot).toEqual({ hits: 1, misses: 1 });

    // A long session keeps only its newest 5 turns hot.
    await memory.append('long', numberedTurns(20, 'l-'));
    expect(await memory.recent('long', 5)).toEqual(numberedTurns(5, 'l-', 15));
    expect(memory.stats().hot).toEqual({ hits: 2, misses: 1 });
    // More than it holds: a miss served by the warm tier, complete and in order.
    expect(await memory.recent('long', 12)).toEqual(numberedTurns(12, 'l-', 8));
    expect(memory.stats().hot).toEqual({ hits: 2, misses: 2 });
    expect(memory.stats().warm).toEqual({ hits: 2, misses: 0 });
    // Appending to a held session slides its window.
    await memory.append('long', numberedTurns(2, 'l-', 20));
    expect(await memory.recent('long', 5)).toEqual(numberedTurns(5, 'l-', 17));
    expect(memory.stats().hot).toEqual({ hits: 3, misses: 2 });

    facts = await memory.describe();
    expect(facts.hot.sessions).toBeLessThanOrEqual(3);
  });
});
