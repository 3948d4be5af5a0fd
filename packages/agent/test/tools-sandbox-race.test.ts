import { readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFsSandbox, SandboxError } from '../src/index';
import { buildSandboxTree, SECRET, type SandboxTree, snapshot } from './_tools-sandbox-fixture';

let tree: SandboxTree | undefined;
afterEach(async () => {
  await tree?.remove();
  tree = undefined;
});

async function refusal(work: Promise<unknown>): Promise<SandboxError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SandboxError);
  return error as SandboxError;
}

for (const strategy of ['proc-fd', 'portable'] as const) {
  describe(`check-then-use races (${strategy})`, () => {
    it('a file swapped for a symlink to a file outside between check and use is refused, for writes and reads', async () => {
      tree = await buildSandboxTree();
      const { root, secret } = tree;
      const outsideBefore = await snapshot(tree.outside);
      const swap = async () => {
        await rm(join(root, 'victim.txt'), { force: true });
        await symlink(secret, join(root, 'victim.txt'));
      };
      const sandbox = await createFsSandbox({ root, strategy, beforeOpen: swap });
      // The path passes every check first: victim.txt is a regular file when the call starts.
      expect((await readdir(root)).includes('victim.txt')).toBe(true);
      const write = await refusal(sandbox.writeFile('victim.txt', 'pwned\n'));
      expect(write.reason).toBe('symlink');
      await rm(join(root, 'victim.txt'));
      await writeFile(join(root, 'victim.txt'), 'inside\n');
      const read = await refusal(sandbox.readFile('victim.txt'));
      expect(read.reason).toBe('symlink');
      expect(await readFile(secret, 'utf8')).toBe(SECRET);
      expect(await snapshot(tree.outside)).toEqual(outsideBefore);
    });

    it('a parent directory swapped for a symlink to outside mid-call writes nothing outside', async () => {
      tree = await buildSandboxTree();
      const { root, outside } = tree;
      const outsideBefore = await snapshot(outside);
      const swap = async () => {
        await rename(join(root, 'sub2'), join(root, 'sub2-moved'));
        await symlink(outside, join(root, 'sub2'));
      };
      const sandbox = await createFsSandbox({ root, strategy, beforeOpen: swap });
      const outcome = await sandbox.writeFile('sub2/new.txt', 'data\n').then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if (strategy === 'proc-fd') {
        // The walk holds the original directory open: the write lands there, inside the root.
        expect(outcome).toEqual({ result: { path: 'sub2/new.txt', bytes: 5 } });
        expect(await readFile(join(root, 'sub2-moved', 'new.txt'), 'utf8')).toBe('data\n');
      } else {
        // The portable strategy notices the change after opening and removes what it created.
        expect((outcome as { error: unknown }).error).toBeInstanceOf(SandboxError);
        expect((outcome as { error: SandboxError }).error.reason).toBe('outside_root');
      }
      expect(await snapshot(outside)).toEqual(outsideBefore);
    });

    it('a parent directory moved outside the root mid-call is refused and leaves no file behind', async () => {
      tree = await buildSandboxTree();
      const { root, outside } = tree;
      const swap = () => rename(join(root, 'sub2'), join(outside, 'moved'));
      const sandbox = await createFsSandbox({ root, strategy, beforeOpen: swap });
      const error = await refusal(sandbox.writeFile('sub2/new.txt', 'data\n'));
      expect(['outside_root', 'not_found']).toContain(error.reason);
      expect(await readdir(join(outside, 'moved'))).toEqual([]);
    });
  });
}
