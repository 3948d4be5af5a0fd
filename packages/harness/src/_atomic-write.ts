import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from './errors';
import { ensureResultsDir } from './results-dir';

/** Makes the rename durable. Best effort: some platforms cannot open a directory for fsync. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported here (e.g. Windows): the rename is still atomic
  }
}

/**
 * Writes `text` to `<dir>/<name>` so a reader sees the old file or the new one, never a partial one: a temp
 * file `.<name>.<pid>.<hex>.tmp` in the same directory, fsynced, renamed over the target, directory fsynced.
 * Creates `dir` if needed. Returns the absolute path.
 * @throws HarnessError `HARNESS_WRITE_FAILED`; the old file is left intact.
 */
export async function writeFileAtomically(dir: string, name: string, text: string): Promise<string> {
  const absolute = await ensureResultsDir(dir).catch((error: unknown) => {
    throw writeFailed(join(dir, name), error);
  });
  const target = join(absolute, name);
  const temp = join(absolute, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    await syncDirectory(absolute);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeFailed(target, error);
  }
  return target;
}

function writeFailed(target: string, error: unknown): HarnessError {
  return new HarnessError(
    'HARNESS_WRITE_FAILED',
    `cannot write ${target}: ${error instanceof Error ? error.message : String(error)}; check the directory exists or can be created and is writable`,
    { cause: error },
  );
}
