import { expect, it } from 'vitest';
import { describeEachBackend, numberedTurns } from './_memory-backends';

const TURNS = 10_000;

describeEachBackend('recent(session, 10) of a 10,000-turn session', (backend) => {
  it('returns the right 10 turns, oldest first, read through the (session, seq) index', async () => {
    const memory = await backend.open({ hot: { maxTurnsPerSession: 50 } });
    for (let start = 0; start < TURNS; start += 1000) {
      await memory.append('big', numberedTurns(1000, 'turn-', start));
      await memory.append(`neighbour-${start}`, numberedTurns(3, 'n-'));
    }
    const expected = numberedTurns(10, 'turn-', TURNS - 10);

    expect(await memory.recent('big', 10, { bypassHot: true })).toEqual(expected);
    expect(await memory.recent('big', 10)).toEqual(expected);
    // Beyond what the hot tier holds (50), still the right ones, from the warm tier.
    const last200 = await memory.recent('big', 200);
    expect(last200).toEqual(numberedTurns(200, 'turn-', TURNS - 200));
    expect((await memory.describe()).rows).toEqual({ sessions: 11, turns: TURNS + 30, archives: 0 });

    // The raw floor query returns the same rows, newest first.
    const rows = (await memory.selectRecentRows('big', 10)) as Array<{ content: string }>;
    expect(rows.map((r) => r.content)).toEqual(expected.map((t) => t.content).reverse());

    // Never a scan of the table, never a sort: one backwards range read of the primary key.
    await backend.sql('ANALYZE', 'ANALYZE {turns}');
    const plan = (await memory.explainRecent('big', 10)).join('\n');
    if (backend.name === 'sqlite') {
      expect(plan).toMatch(/SEARCH .*USING PRIMARY KEY \(session_id=\?\)/);
      expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
    } else {
      expect(plan).toMatch(/Index Scan Backward using kaizen_memory_turns_pkey/);
      expect(plan).not.toMatch(/Seq Scan|Sort/);
    }
  });
});
