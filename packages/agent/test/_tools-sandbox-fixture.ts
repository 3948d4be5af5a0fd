import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temp tree for sandbox tests: `<base>/root` (the sandbox root) and `<base>/outside` (what must stay
 * untouched), with the symlinks, hard link and FIFO the attack corpus needs.
 */
export interface SandboxTree {
  base: string;
  root: string;
  outside: string;
  secret: string;
  remove(): Promise<void>;
}

export const SECRET = 'outside secret, must never change\n';

export async function buildSandboxTree(): Promise<SandboxTree> {
  const base = await mkdtemp(join(tmpdir(), 'kzb-sandbox-'));
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  const secret = join(outside, 'secret.txt');
  await mkdir(join(root, 'sub'), { recursive: true });
  await mkdir(join(root, 'sub2'), { recursive: true });
  await mkdir(outside);
  await writeFile(secret, SECRET);
  await writeFile(join(root, 'victim.txt'), 'inside\n');
  await symlink(secret, join(root, 'link-file'));
  await symlink(outside, join(root, 'link-dir'));
  await symlink(outside, join(root, 'sub', 'deeper'));
  await symlink('../outside', join(root, 'rel'));
  await symlink(join(outside, 'not-yet.txt'), join(root, 'dangling'));
  await symlink('loop2', join(root, 'loop1'));
  await symlink('loop1', join(root, 'loop2'));
  await symlink('..', join(root, 'up'));
  await symlink('/dev/zero', join(root, 'devzero'));
  await symlink('/proc/self/root/tmp', join(root, 'procroot'));
  await symlink(root, join(root, 'self'));
  await link(secret, join(root, 'hard'));
  execFileSync('mkfifo', [join(root, 'fifo')]);
  return { base, root, outside, secret, remove: () => rm(base, { recursive: true, force: true }) };
}

/** Every entry under `dir` with its type and, for files, a content hash: to prove nothing changed. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (path: string, rel: string): Promise<void> => {
    for (const name of (await readdir(path)).sort()) {
      const full = join(path, name);
      const key = rel ? `${rel}/${name}` : name;
      const stats = await lstat(full);
      if (stats.isSymbolicLink()) out[key] = `link -> ${await readlink(full)}`;
      else if (stats.isDirectory()) {
        out[key] = 'dir';
        await walk(full, key);
      } else if (stats.isFile()) {
        out[key] = `file ${createHash('sha256')
          .update(await readFile(full))
          .digest('hex')} nlink=${stats.nlink}`;
      } else out[key] = 'other';
    }
  };
  await walk(dir, '');
  return out;
}
