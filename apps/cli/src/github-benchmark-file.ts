import { basename, dirname, resolve } from 'node:path';
import { type SuiteResult, toGithubBenchmark, writeFileAtomically } from '@kaizen-bench/harness';
import { CliError, ExitCode } from './errors';
import { DEFAULT_SUBJECT, subjectOf } from './subjects';

/**
 * Writes the `ok` benchmarks of all `results` as one github-action-benchmark (`customSmallerIsBetter`) file,
 * atomically (temp file, fsync, rename). Returns the absolute path and the number of entries.
 * @throws CliError (exit 1) when no benchmark has a number: the action rejects an empty file, so none is written.
 */
export async function writeGithubBenchmarkFile(
  results: readonly SuiteResult[],
  file: string,
): Promise<{ path: string; entries: number }> {
  // Names must stay unique (the action keys history by name): other subjects than the default say theirs.
  const entries = results.flatMap((result) => {
    const subject = subjectOf(result);
    const own = toGithubBenchmark(result);
    return subject === DEFAULT_SUBJECT
      ? own
      : own.map((entry) => ({ ...entry, name: `${entry.name} [${subject}]` }));
  });
  const path = resolve(file);
  if (entries.length === 0) {
    throw new CliError(
      `github-benchmark export: no benchmark of ${results.length === 1 ? 'this suite' : 'these suites'} finished ok (all failed or were skipped), and github-action-benchmark rejects an empty file: ${path} not written`,
      ExitCode.failure,
    );
  }
  try {
    await writeFileAtomically(dirname(path), basename(path), `${JSON.stringify(entries, null, 2)}\n`);
  } catch (error) {
    throw new CliError((error as Error).message, ExitCode.usage, { cause: error });
  }
  return { path, entries: entries.length };
}
