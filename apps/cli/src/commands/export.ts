import type { SuiteResult } from '@kaizen-bench/harness';
import type { CliIo } from '../io';
import { writeGithubBenchmarkFile } from '../github-benchmark-file';
import { loadResultSet } from '../load-results';

export interface ExportCommandOptions {
  format: 'github-benchmark';
  out: string;
}

/**
 * `kaizen-bench export <results...> --format github-benchmark --out <file>`: one file for every suite of the
 * given results files or directories, in github-action-benchmark's `customSmallerIsBetter` format.
 */
export async function exportCommand(
  paths: string[],
  options: ExportCommandOptions,
  io: CliIo,
): Promise<number> {
  const results: SuiteResult[] = [];
  for (const path of paths) results.push(...(await loadResultSet(path, 'results')));
  const { path, entries } = await writeGithubBenchmarkFile(results, options.out);
  io.stderr.write(`${entries} benchmarks of ${results.length} suites written to ${path}\n`);
  return 0;
}
