import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createFsSandbox, SandboxConfigError, SandboxError } from '../src/index';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

for (const strategy of ['proc-fd', 'portable'] as const) {
  it(`writes and reads back files inside the root, replacing shorter (${strategy})`, async () => {
    const root = await tempDir();
    await mkdir(join(root, 'notes', 'deep'), { recursive: true });
    const sandbox = await createFsSandbox({ root, strategy });
    const text = 'x'.repeat(4096);
    expect(await sandbox.writeFile('notes/deep/a.txt', text)).toEqual({
      path: 'notes/deep/a.txt',
      bytes: 4096,
    });
    expect(await sandbox.readFile('notes/deep/a.txt')).toEqual({
      path: 'notes/deep/a.txt',
      content: text,
      bytes: 4096,
    });
    // Replacing with shorter content leaves no tail of the old one.
    await sandbox.writeFile('notes/deep/a.txt', 'short');
    expect(await readFile(join(root, 'notes/deep/a.txt'), 'utf8')).toBe('short');
    // Names in other scripts and the allowed punctuation work; bytes are UTF-8.
    expect(await sandbox.writeFile('notes/Grüße 1_v2-final+x@y=z,~.md', 'é')).toEqual({
      path: 'notes/Grüße 1_v2-final+x@y=z,~.md',
      bytes: 2,
    });
    expect((await sandbox.readFile('notes/Grüße 1_v2-final+x@y=z,~.md')).content).toBe('é');
  });

  it(`enforces the size cap on writes and reads, and refuses a missing file or directory (${strategy})`, async () => {
    const root = await tempDir();
    const sandbox = await createFsSandbox({ root, strategy, maxFileBytes: 100 });
    const tooBig = await sandbox.writeFile('big.txt', 'y'.repeat(101)).catch((e: unknown) => e);
    expect(tooBig).toBeInstanceOf(SandboxError);
    expect((tooBig as SandboxError).reason).toBe('too_large');
    await writeFile(join(root, 'big.txt'), 'z'.repeat(500)); // written behind the sandbox's back
    expect(((await sandbox.readFile('big.txt').catch((e: unknown) => e)) as SandboxError).reason).toBe(
      'too_large',
    );
    expect(((await sandbox.readFile('nope.txt').catch((e: unknown) => e)) as SandboxError).reason).toBe(
      'not_found',
    );
    expect(
      ((await sandbox.writeFile('nodir/x.txt', 'a').catch((e: unknown) => e)) as SandboxError).reason,
    ).toBe('missing_parent');
  });
}

it('a missing root is a SandboxConfigError', async () => {
  const root = join(await tempDir(), 'missing');
  await expect(createFsSandbox({ root })).rejects.toBeInstanceOf(SandboxConfigError);
  await expect(createFsSandbox({ root })).rejects.toThrow(/does not exist — create the directory first/);
});

it('an aborted signal stops the call before anything is written', async () => {
  const root = await tempDir();
  const sandbox = await createFsSandbox({ root });
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await expect(sandbox.writeFile('a.txt', 'a', { signal: controller.signal })).rejects.toThrow('stop');
  await expect(readFile(join(root, 'a.txt'))).rejects.toThrow(/ENOENT/);
});
