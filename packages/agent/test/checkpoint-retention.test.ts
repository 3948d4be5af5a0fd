import { readdir } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { CheckpointStore, type CheckpointStoreStats } from '../src/index';
import { makeState } from './_checkpoint-state';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

async function checkpointFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.ckpt')).sort();
}

test('retention keeps exactly the newest N checkpoints', async () => {
  const dir = await tempDir();
  const store = new CheckpointStore({ dir, keep: 3 });
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    ids.push((await store.save(makeState(i))).id);
    expect(await checkpointFiles(dir)).toHaveLength(Math.min(i + 1, 3));
  }
  expect(await checkpointFiles(dir)).toEqual(ids.slice(-3).map((id) => `${id}.ckpt`));
  expect((await store.list()).map((info) => info.id)).toEqual(ids.slice(-3));
  expect((await store.load()).state.step).toBe(19);
});

test('the file-system work of a save does not grow with the number of checkpoints', async () => {
  const dir = await tempDir();
  // Fill the directory with many checkpoints (retention generous enough to keep them all).
  const filler = new CheckpointStore({ dir, keep: 1000 });
  for (let i = 0; i < 300; i++) await filler.save(makeState(i, 2));

  const store = new CheckpointStore({ dir, keep: 1000 });
  const work: CheckpointStoreStats[] = [];
  for (let i = 0; i < 5; i++) {
    const before = store.stats;
    await store.save(makeState(300 + i, 2));
    const after = store.stats;
    work.push({
      directoryListings: after.directoryListings - before.directoryListings,
      filesRead: after.filesRead - before.filesRead,
      filesWritten: after.filesWritten - before.filesWritten,
      filesDeleted: after.filesDeleted - before.filesDeleted,
    });
  }
  // The directory is listed once (first save), no checkpoint is ever read back, one file written per save.
  expect(work[0]).toEqual({ directoryListings: 1, filesRead: 0, filesWritten: 1, filesDeleted: 0 });
  for (const w of work.slice(1))
    expect(w).toEqual({ directoryListings: 0, filesRead: 0, filesWritten: 1, filesDeleted: 0 });
});

test('with retention on, each save deletes only the overflow', async () => {
  const dir = await tempDir();
  const seeded = new CheckpointStore({ dir, keep: 1000 });
  for (let i = 0; i < 50; i++) await seeded.save(makeState(i, 2));

  // A store with keep 10 trims the 40 extra once, then one file per save.
  const store = new CheckpointStore({ dir, keep: 10 });
  await store.save(makeState(50, 2));
  expect(store.stats).toEqual({ directoryListings: 1, filesRead: 0, filesWritten: 1, filesDeleted: 41 });
  for (let i = 0; i < 30; i++) await store.save(makeState(51 + i, 2));
  expect(store.stats).toEqual({ directoryListings: 1, filesRead: 0, filesWritten: 31, filesDeleted: 71 });
  expect(await checkpointFiles(dir)).toHaveLength(10);
});
