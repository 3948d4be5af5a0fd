import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  MemoryClosedError,
  MemoryOptionsError,
  MemoryTurnError,
  openTieredMemory,
  type TieredMemoryOptions,
} from '../src/index';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kzb-memory-usage-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('bad options are refused before anything opens, naming the option and the fix', async () => {
  const path = join(dir, 'never.db');
  const cases: Array<[unknown, RegExp]> = [
    [{}, /^Tiered memory option backend has kind undefined — give \{ kind: 'sqlite', path \}/],
    [
      { backend: { kind: 'sqlite', path }, archiveCodec: 'zstd' },
      /archiveCodec is "zstd" — use 'brotli', 'gzip' or 'none'/,
    ],
    [
      { backend: { kind: 'sqlite', path }, hot: { maxSessions: 0 } },
      /hot\.maxSessions is 0 — give a whole number >= 1/,
    ],
    [{ backend: { kind: 'sqlite', path }, demotion: { maxIdleMs: -1 } }, /demotion\.maxIdleMs is -1/],
    [{ backend: { kind: 'sqlite', path, synchronous: 'sometimes' } }, /backend\.synchronous is "sometimes"/],
    [{ backend: { kind: 'sqlite', path: '' } }, /backend\.path is empty/],
    [
      { backend: { kind: 'postgres', url: 'postgres://h/db', schema: 'bad-name' } },
      /backend\.schema is "bad-name"/,
    ],
  ];
  for (const [options, message] of cases) {
    const error = await openTieredMemory(options as TieredMemoryOptions).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MemoryOptionsError);
    expect((error as Error).message).toMatch(message);
  }
});

it('turns that are not chat messages are refused and nothing is written; a closed memory says so', async () => {
  const memory = await openTieredMemory({ backend: { kind: 'sqlite', path: join(dir, 'm.db') } });
  await expect(
    memory.append('s', [
      { role: 'user', content: 'ok' },
      { role: 'tool' as 'user', content: 'x' },
    ]),
  ).rejects.toThrow(MemoryTurnError);
  await expect(memory.append('s', [{ role: 'user', content: 42 as unknown as string }])).rejects.toThrow(
    /^Turn 0 has no string content — pass \{ role: 'user' \| 'assistant' \| 'system', content: string \}$/,
  );
  expect((await memory.describe()).rows).toEqual({ sessions: 0, turns: 0, archives: 0 });
  await memory.append('s', []);
  expect((await memory.describe()).rows.sessions).toBe(0);

  await memory.close();
  await memory.close();
  await expect(memory.recent('s', 1)).rejects.toBeInstanceOf(MemoryClosedError);
  await expect(memory.append('s', [{ role: 'user', content: 'x' }])).rejects.toThrow(
    'The tiered memory is closed — open a new one with openTieredMemory()',
  );
});
