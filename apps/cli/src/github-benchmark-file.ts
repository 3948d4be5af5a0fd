import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type SuiteResult, toGithubBenchmark } from '@kaizen-bench/harness';
import { CliError, ExitCode } from './errors';

/**
 * Writes the `ok` benchmarks of all `results` as one github-action-benchmark (`customSmallerIsBetter`) file,
 * atomically (temp file, fsync, rename). Returns the absolute path and the number of entries.
 * @throws CliError (exit 1) when no benchmark has a number: the action rejects an empty file, so none is written.
 */
export async function writeGithubBenchmarkFile(
  results: readonly SuiteResult[],
  file: string,
): Promise<{ path: string; entries: number }> {
  const entries = toGithubBenchmark(results);
  const path = resolve(file);
  if (entries.length === 0) {
    throw new CliError(
      `github-benchmark export: no benchmark of ${results.length === 1 ? 'this suite' : 'these suites'} finished ok (all failed or were skipped), and github-action-benchmark rejects an empty file: ${path} not written`,
      ExitCode.failure,
    );
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(entries, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`, ExitCode.usage, { cause: error });
  }
  return { path, entries: entries.length };
}
