import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { HarnessError } from './errors';

/** Temp files of the results writer: `.<suite id>_results.json.<pid>.<hex>.tmp`, `.summary.json.<pid>.<hex>.tmp`. */
const TEMP_FILE = /^\..+\.json\.(\d+)\.[0-9a-f]+\.tmp$/;

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * `mkdir -p`, one level at a time. Node 20's `mkdir(dir, { recursive: true })` loops forever on some paths
 * (e.g. under /proc, where mkdir answers ENOENT although the parent exists): here each level is tried at
 * most twice, so a path that cannot be made fails at once.
 */
async function makeDirectory(dir: string): Promise<void> {
  const attempt = async (): Promise<'made' | 'missing-parent'> => {
    try {
      await mkdir(dir);
      return 'made';
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EEXIST') {
        if ((await stat(dir)).isDirectory()) return 'made';
        throw Object.assign(new Error(`${dir} exists and is not a directory`), { code: 'ENOTDIR' });
      }
      if (code === 'ENOENT') return 'missing-parent';
      throw error;
    }
  };
  if ((await attempt()) === 'made') return;
  const parent = dirname(dir);
  if (parent === dir) throw Object.assign(new Error(`cannot create ${dir}`), { code: 'ENOENT' });
  await makeDirectory(parent);
  if ((await attempt()) === 'missing-parent') {
    throw Object.assign(new Error(`cannot create ${dir} although its parent exists`), { code: 'ENOENT' });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

/** Removes temp files left in `dir` by results writers that died mid-write (their pid is gone). */
async function removeStaleTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = TEMP_FILE.exec(name);
    if (match && Number(match[1]) !== process.pid && !isAlive(Number(match[1]))) {
      await rm(join(dir, name), { force: true });
    }
  }
}

/** Creates `dir` if needed and clears stale temp files; shared by the writer and {@link prepareResultsDir}. */
export async function ensureResultsDir(dir: string): Promise<string> {
  const absolute = resolve(dir);
  await makeDirectory(absolute);
  await removeStaleTempFiles(absolute);
  return absolute;
}

/**
 * Checks, before anything runs, that results can be written to `dir`: creates it if needed, writes and
 * removes a probe file, and removes temp files left by writers that were killed. Returns the absolute path.
 * Fails fast (never hangs) on a path that cannot be created.
 * @throws HarnessError `HARNESS_WRITE_FAILED`, one line naming the directory and the cause
 */
export async function prepareResultsDir(dir: string): Promise<string> {
  const absolute = resolve(dir);
  try {
    await ensureResultsDir(absolute);
    const probe = join(absolute, `.kaizen-bench-probe.${process.pid}.tmp`);
    const handle = await open(probe, 'w');
    await handle.close();
    await rm(probe, { force: true });
    return absolute;
  } catch (error) {
    const cause = codeOf(error) ?? (error instanceof Error ? error.message : String(error));
    throw new HarnessError(
      'HARNESS_WRITE_FAILED',
      `results directory ${absolute} cannot be created or written (${cause}): choose a writable directory`,
      { cause: error },
    );
  }
}
