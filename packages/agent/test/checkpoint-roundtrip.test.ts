import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CheckpointStore } from '../src/index';
import { makeState } from './_checkpoint-state';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

describe.each(['none', 'gzip', 'brotli'] as const)('codec %s', (codec) => {
  test('load returns exactly the state that was saved', async () => {
    const dir = await tempDir();
    const state = makeState(7, 200);
    const saved = await new CheckpointStore({ dir, compression: codec }).save(state);

    expect(saved.codec).toBe(codec);
    expect(saved.compressed).toBe(codec !== 'none');
    expect(saved.rawBytes).toBe(Buffer.byteLength(JSON.stringify(state)));
    expect(saved.path).toBe(join(dir, `${saved.id}.ckpt`));
    expect((await readFile(saved.path)).length).toBe(saved.bytes);
    if (codec === 'none') expect(saved.bytes).toBeGreaterThan(saved.rawBytes);
    else expect(saved.bytes).toBeLessThan(saved.rawBytes / 2);

    // A new store on the same directory, as after a restart.
    const loaded = await new CheckpointStore({ dir }).load();
    expect(loaded.id).toBe(saved.id);
    expect(loaded.bytes).toBe(saved.bytes);
    expect(loaded.state).toEqual(state);
  });
});

test('a per-save codec overrides the store default, and each file is read with its own codec', async () => {
  const dir = await tempDir();
  const store = new CheckpointStore({ dir, compression: 'gzip' });
  const a = await store.save(makeState(1));
  const b = await store.save(makeState(2), { compression: 'none' });
  const c = await store.save(makeState(3), { compression: 'brotli' });
  expect([a.codec, b.codec, c.codec]).toEqual(['gzip', 'none', 'brotli']);
  expect((await store.load(a.id)).state).toEqual(makeState(1));
  expect((await store.load(b.id)).state).toEqual(makeState(2));
  expect((await store.load(c.id)).state).toEqual(makeState(3));
});

test('ids sort in save order and list() returns them oldest first', async () => {
  const dir = await tempDir();
  const store = new CheckpointStore({ dir });
  const ids: string[] = [];
  // Concurrent saves are queued: each still gets the next sequence number.
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => store.save(makeState(i))));
  for (const result of results) ids.push(result.id);
  expect(ids).toEqual([...ids].sort());
  expect(ids[0]).toMatch(/^000000000001-\d{8}T\d{9}Z$/);
  const listed = await new CheckpointStore({ dir }).list();
  expect(listed.map((info) => info.id)).toEqual(ids.slice(-10));
  expect(listed.map((info) => info.sequence)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  expect(listed[0]?.createdAt).toBeInstanceOf(Date);
  expect((await store.load()).state.step).toBe(11);
});
