import { createHash } from 'node:crypto';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CheckpointCorruptError, CheckpointSchemaVersionError, CheckpointStore } from '../src/index';
import { makeState } from './_checkpoint-state';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

async function saveOne(compression: 'none' | 'brotli' = 'none') {
  const dir = await tempDir();
  const saved = await new CheckpointStore({ dir, compression }).save(makeState(1, 100));
  return { dir, saved };
}

async function loadError(dir: string): Promise<unknown> {
  return new CheckpointStore({ dir }).load().then(
    () => undefined,
    (error: unknown) => error,
  );
}

test('a truncated file is a CheckpointCorruptError naming the file', async () => {
  const { dir, saved } = await saveOne();
  await truncate(saved.path, saved.bytes - 100);
  const error = await loadError(dir);
  expect(error).toBeInstanceOf(CheckpointCorruptError);
  expect(error).toMatchObject({ code: 'CHECKPOINT_CORRUPT', path: saved.path });
  expect((error as Error).message).toContain(saved.path);
  expect((error as CheckpointCorruptError).reason).toMatch(/truncated/);
});

test('a file cut inside the header is reported as truncated', async () => {
  const { dir, saved } = await saveOne();
  await truncate(saved.path, 10);
  expect(await loadError(dir)).toMatchObject({
    code: 'CHECKPOINT_CORRUPT',
    reason: expect.stringMatching(/truncated/),
  });
});

test('one flipped payload byte fails the checksum', async () => {
  const { dir, saved } = await saveOne('brotli');
  const file = await readFile(saved.path);
  file[file.length - 5] = (file[file.length - 5] as number) ^ 0x01;
  await writeFile(saved.path, file);
  expect(await loadError(dir)).toMatchObject({ code: 'CHECKPOINT_CORRUPT', reason: 'checksum mismatch' });
});

test('a flipped header byte (codec) fails the checksum too', async () => {
  const { dir, saved } = await saveOne();
  const file = await readFile(saved.path);
  file[6] = 1; // none -> gzip
  await writeFile(saved.path, file);
  expect(await loadError(dir)).toMatchObject({ code: 'CHECKPOINT_CORRUPT', reason: 'checksum mismatch' });
});

test('a file that is not a checkpoint is rejected by its magic', async () => {
  const dir = await tempDir();
  await writeFile(
    join(dir, '000000000001-20260105T090000000Z.ckpt'),
    '{"schemaVersion":1} and more text here, long enough to fill a header and then some.',
  );
  expect(await loadError(dir)).toMatchObject({
    code: 'CHECKPOINT_CORRUPT',
    reason: expect.stringMatching(/magic/),
  });
});

test('appended bytes are reported, not ignored', async () => {
  const { dir, saved } = await saveOne();
  await writeFile(saved.path, Buffer.concat([await readFile(saved.path), Buffer.from('junk')]));
  expect(await loadError(dir)).toMatchObject({ reason: '4 unexpected trailing bytes' });
});

test('a valid file with another schema version is a CheckpointSchemaVersionError', async () => {
  const { dir, saved } = await saveOne();
  const file = await readFile(saved.path);
  // Rewrite the payload's version (same length) and re-sign the file the way the writer does.
  const payload = Buffer.from(
    file.subarray(56).toString('utf8').replace('"schemaVersion":1', '"schemaVersion":9'),
  );
  const header = Buffer.from(file.subarray(0, 56));
  createHash('sha256').update(header.subarray(0, 24)).update(payload).digest().copy(header, 24);
  await writeFile(saved.path, Buffer.concat([header, payload]));
  const error = await loadError(dir);
  expect(error).toBeInstanceOf(CheckpointSchemaVersionError);
  expect(error).toMatchObject({
    code: 'CHECKPOINT_SCHEMA_VERSION',
    found: 9,
    supported: 1,
    path: saved.path,
  });
});

test('save refuses a state with another schema version instead of writing an unloadable checkpoint', async () => {
  const dir = await tempDir();
  const state = { ...makeState(1), schemaVersion: 2 } as unknown as ReturnType<typeof makeState>;
  await expect(new CheckpointStore({ dir }).save(state)).rejects.toMatchObject({
    code: 'CHECKPOINT_SCHEMA_VERSION',
  });
});
