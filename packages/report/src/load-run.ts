import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { readResults } from '@kaizen-bench/harness';
import { ReportError } from './errors';
import type { ReportRun } from './types';

/**
 * Reads a run for {@link renderReport}: every `*_results.json` in a results directory (sorted by name), or one
 * results file. Each file is validated against the results schema.
 * @param label Shown in the report. @default the directory's (or file's) name
 * @throws ReportError `REPORT_NO_RESULTS` when the path is missing or holds no results file;
 *   ResultsFileError (from the harness) for an unreadable or invalid file.
 */
export async function loadReportRun(path: string, label?: string): Promise<ReportRun> {
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) {
    throw new ReportError(
      'REPORT_NO_RESULTS',
      `results not found: ${absolute} (run a suite first, or check the path)`,
    );
  }
  const files = info.isDirectory()
    ? (await readdir(absolute))
        .filter((name) => name.endsWith('_results.json'))
        .sort()
        .map((name) => join(absolute, name))
    : [absolute];
  if (files.length === 0) {
    throw new ReportError(
      'REPORT_NO_RESULTS',
      `${absolute} holds no *_results.json file: run a suite first (kaizen-bench run --out ${path})`,
    );
  }
  const suites = [];
  for (const file of files) suites.push(await readResults(file));
  return { label: label ?? basename(absolute), source: absolute, suites };
}
