import { rm, truncate } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { CheckpointStore } from '../src/index';
import { makeState } from './_checkpoint-state';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

test('load falls back to the newest good checkpoint only when asked', async () => {
  const dir = await tempDir();
  const store = new CheckpointStore({ dir });
  const first = await store.save(makeState(1));
  const second = await store.save(makeState(2));
  const third = await store.save(makeState(3));
  await truncate(third.path, 20);
  await rm(second.path);

  await expect(new CheckpointStore({ dir }).load()).rejects.toMatchObject({
    code: 'CHECKPOINT_CORRUPT',
    path: third.path,
  });

  // The first store still indexes the deleted file: it is skipped as missing.
  const loaded = await store.load({ fallbackToPrevious: true });
  expect(loaded.id).toBe(first.id);
  expect(loaded.state).toEqual(makeState(1));
  expect(loaded.skipped.map((s) => [s.id, s.error.code])).toEqual([
    [third.id, 'CHECKPOINT_CORRUPT'],
    [second.id, 'CHECKPOINT_NOT_FOUND'],
  ]);
});

test('fallback from a given id only goes to older checkpoints', async () => {
  const dir = await tempDir();
  const store = new CheckpointStore({ dir });
  const first = await store.save(makeState(1));
  const second = await store.save(makeState(2));
  await store.save(makeState(3));
  await truncate(second.path, 100);
  const loaded = await store.load({ id: second.id, fallbackToPrevious: true });
  expect(loaded.id).toBe(first.id);
});

test('when every checkpoint is bad, fallback ends in CheckpointNotFoundError', async () => {
  const dir = await tempDir();
  const store = new CheckpointStore({ dir });
  const only = await store.save(makeState(1));
  await truncate(only.path, 3);
  await expect(store.load({ fallbackToPrevious: true })).rejects.toMatchObject({
    code: 'CHECKPOINT_NOT_FOUND',
    message: expect.stringMatching(/all 1 checkpoints are unreadable/),
  });
});
