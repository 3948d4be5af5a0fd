import type { MemorySubject, MemoryTurn } from '../src/index';

export interface FakeOptions {
  /** Leave out these tiers. */
  without?: Array<'hot' | 'warm' | 'cold'>;
  /** Milliseconds every hot read sleeps. */
  hotDelayMs?: number;
  /** Warm reads return the oldest turns instead of the newest. */
  warmReadsWrongTurns?: boolean;
  /** Counts every hot read as a hot miss. */
  reportsHotMisses?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A subject over plain in-process arrays, to test what the suite does with a subject (not a memory design):
 * archive moves the array into a JSON string. Counts its calls.
 */
export function createFakeSubject(options: FakeOptions = {}) {
  const sessions = new Map<string, MemoryTurn[]>();
  const archives = new Map<string, string>();
  const calls = { seed: 0, hot: 0, warm: 0, floor: 0, archive: 0, restore: 0, close: 0 };
  const without = new Set(options.without ?? []);
  const subject: MemorySubject = {
    name: 'fake subject',
    async seed(sessionId, turns) {
      calls.seed++;
      sessions.set(
        sessionId,
        turns.map((t) => ({ ...t })),
      );
    },
    ...(without.has('hot')
      ? {}
      : {
          hot: {
            async read(sessionId: string, n: number) {
              calls.hot++;
              if (options.hotDelayMs) await sleep(options.hotDelayMs);
              return (sessions.get(sessionId) ?? []).slice(-n);
            },
            ...(options.reportsHotMisses ? { misses: () => calls.hot } : {}),
          },
        }),
    ...(without.has('warm')
      ? {}
      : {
          warm: {
            async read(sessionId: string, n: number) {
              calls.warm++;
              const turns = sessions.get(sessionId) ?? [];
              return options.warmReadsWrongTurns ? turns.slice(0, n) : turns.slice(-n);
            },
            async floor(sessionId: string, n: number) {
              calls.floor++;
              return (sessions.get(sessionId) ?? []).slice(-n).reverse();
            },
          },
        }),
    ...(without.has('cold')
      ? {}
      : {
          cold: {
            async archive(sessionId: string) {
              calls.archive++;
              const json = JSON.stringify(sessions.get(sessionId));
              sessions.delete(sessionId);
              archives.set(sessionId, json);
              return { bytes: json.length, rawBytes: json.length, codec: 'none' };
            },
            async restore(sessionId: string) {
              calls.restore++;
              sessions.set(sessionId, JSON.parse(archives.get(sessionId) as string));
              archives.delete(sessionId);
            },
          },
        }),
    describe: () => ({ sessions: sessions.size }),
    close() {
      calls.close++;
    },
  };
  return { subject, calls };
}
