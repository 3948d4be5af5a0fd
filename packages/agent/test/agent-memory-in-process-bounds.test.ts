import { expect, it } from 'vitest';
import { InProcessMemory } from '../src/index';

const turn = (i: number) => ({
  role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
  content: `turn ${i}`,
});

it('keeps at most maxTurnsPerSession turns per session, the newest', () => {
  const memory = new InProcessMemory({ maxTurnsPerSession: 3 });
  memory.append('s', [turn(0), turn(1)]);
  memory.append('s', [turn(2), turn(3), turn(4)]);
  expect(memory.recent('s', 10)).toEqual([turn(2), turn(3), turn(4)]);
  expect(memory.recent('s', 2)).toEqual([turn(3), turn(4)]);
  expect(memory.recent('s', 0)).toEqual([]);
  expect(memory.recent('unknown', 5)).toEqual([]);
});

it('keeps at most maxSessions sessions, dropping the least recently used', () => {
  const memory = new InProcessMemory({ maxSessions: 2 });
  memory.append('a', [turn(0)]);
  memory.append('b', [turn(1)]);
  memory.recent('a', 1); // a is now more recent than b
  memory.append('c', [turn(2)]);
  expect(memory.size).toBe(2);
  expect(memory.recent('b', 5)).toEqual([]);
  expect(memory.recent('a', 5)).toEqual([turn(0)]);
  expect(memory.recent('c', 5)).toEqual([turn(2)]);
});

it('hands out copies, so callers cannot change what it holds; close empties it', () => {
  const memory = new InProcessMemory();
  const appended = [turn(0)];
  memory.append('s', appended);
  appended[0]!.content = 'changed after append';
  const read = memory.recent('s', 1);
  read[0]!.content = 'changed after read';
  expect(memory.recent('s', 1)).toEqual([turn(0)]);
  memory.close();
  expect(memory.size).toBe(0);
});

it('rejects bounds that are not integers >= 1', () => {
  expect(() => new InProcessMemory({ maxSessions: 0 })).toThrow(/maxSessions must be an integer >= 1, got 0/);
  expect(() => new InProcessMemory({ maxTurnsPerSession: 2.5 })).toThrow(RangeError);
});
