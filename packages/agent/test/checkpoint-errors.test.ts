import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CheckpointNotFoundError, CheckpointOptionsError, CheckpointStore } from '../src/index';
import type { AgentState } from '../src/index';
import { makeState } from './_checkpoint-state';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

test('bad options are a CheckpointOptionsError with a fix in the message', () => {
  expect(() => new CheckpointStore({ dir: '' })).toThrow(CheckpointOptionsError);
  expect(() => new CheckpointStore({ dir: 'x', keep: 0 })).toThrow(/keep must be an integer >= 1, got 0/);
  expect(() => new CheckpointStore({ dir: 'x', keep: 2.5 })).toThrow(CheckpointOptionsError);
  expect(() => new CheckpointStore({ dir: 'x', compression: 'zip' as never })).toThrow(
    /use 'none', 'gzip' or 'brotli'/,
  );
  try {
    new CheckpointStore({ dir: 'x', keep: -1 });
  } catch (error) {
    expect(error).toMatchObject({ code: 'CHECKPOINT_INVALID_OPTIONS' });
  }
});

test('loading from an empty or missing directory is a CheckpointNotFoundError', async () => {
  const dir = await tempDir();
  await expect(new CheckpointStore({ dir }).load()).rejects.toBeInstanceOf(CheckpointNotFoundError);
  await expect(new CheckpointStore({ dir: join(dir, 'missing') }).load()).rejects.toMatchObject({
    code: 'CHECKPOINT_NOT_FOUND',
  });
  expect(await new CheckpointStore({ dir: join(dir, 'missing') }).list()).toEqual([]);
});

test('an unknown id is a CheckpointNotFoundError naming it', async () => {
  const dir = await tempDir();
  const store = new CheckpointStore({ dir });
  await store.save(makeState(1));
  await expect(store.load('000000000099-20260105T090000000Z')).rejects.toMatchObject({
    code: 'CHECKPOINT_NOT_FOUND',
    id: '000000000099-20260105T090000000Z',
  });
});

test('save creates a missing directory (nested)', async () => {
  const dir = join(await tempDir(), 'a', 'b');
  const saved = await new CheckpointStore({ dir }).save(makeState(1));
  expect(saved.path.startsWith(dir)).toBe(true);
  expect((await new CheckpointStore({ dir }).load()).state).toEqual(makeState(1));
});

test('save rejects a state without conversation, memory or step, and writes nothing', async () => {
  const dir = await tempDir();
  const store = new CheckpointStore({ dir });
  const { memory: _dropped, ...noMemory } = makeState(1);
  await expect(store.save(noMemory as unknown as AgentState)).rejects.toThrow(
    /save: state needs conversation \(array\), memory \(array\) and step \(number\)/,
  );
  expect(await store.list()).toEqual([]);
});
