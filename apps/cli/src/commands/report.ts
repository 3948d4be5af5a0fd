import { basename, dirname, join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { SuiteResult } from '@kaizen-bench/harness';
import { type ReportRun, ReportError, renderReport, writeReport } from '@kaizen-bench/report';
import { CliError, ExitCode } from '../errors';
import type { CliIo } from '../io';
import { loadResultSet } from '../load-results';
import { compareRuns } from './compare';

/** The results directory `report` reads when given none, and where it writes `report.html` then. */
export const DEFAULT_RESULTS_DIR = 'benchmarks/results';
/** The file name of a report written next to its results. */
export const REPORT_FILE_NAME = 'report.html';

export interface ReportCommandOptions {
  /** The HTML file to write. @default <the last results directory>/report.html */
  out?: string;
  /** Fraction: with two runs, changes within it count as unchanged. */
  threshold: number;
}

/** Where a report goes by default: beside the (current) results, in the directory or the file's directory. */
function defaultOut(resultsPath: string): string {
  const absolute = resolve(resultsPath);
  return join(statSync(absolute).isDirectory() ? absolute : dirname(absolute), REPORT_FILE_NAME);
}

/** Renders and writes a report; a failure to write is a one-line CliError. Returns the path and size. */
export async function writeHtmlReport(
  out: string,
  render: () => string,
): Promise<{ path: string; bytes: number }> {
  try {
    return await writeReport(out, render());
  } catch (error) {
    if (error instanceof ReportError) throw new CliError(error.message, ExitCode.usage, { cause: error });
    throw error;
  }
}

/** The report of results held in memory, e.g. the suites a `run --report` just finished into `outDir`. */
export function renderRunReport(results: readonly SuiteResult[], outDir: string): string {
  return renderReport({ runs: [{ label: basename(outDir), source: outDir, suites: results }] });
}

/**
 * `kaizen-bench report [results...]`: one results directory (or file) gives a report of that run; two give
 * the current run's report with a comparison view (the same comparison as `compare`), regressions first.
 */
export async function reportCommand(
  paths: readonly string[],
  options: ReportCommandOptions,
  io: CliIo,
): Promise<number> {
  if (paths.length > 2) {
    throw new CliError(
      `report takes one results directory, or two to compare (baseline, current); got ${paths.length}`,
    );
  }
  const inputs = paths.length > 0 ? paths : [DEFAULT_RESULTS_DIR];
  const runs: ReportRun[] = [];
  for (const [index, path] of inputs.entries()) {
    const role = inputs.length === 1 ? 'results' : index === 0 ? 'baseline' : 'current';
    runs.push({ label: path, source: resolve(path), suites: await loadResultSet(path, role) });
  }
  const out = options.out ?? defaultOut(inputs[inputs.length - 1] as string);
  const written = await writeHtmlReport(out, () => {
    const [baseline, current] = runs as [ReportRun, ReportRun | undefined];
    if (!current) return renderReport({ runs: [baseline] });
    const comparison = compareRuns(baseline.suites, current.suites, options.threshold);
    if (comparison.length === 0) {
      throw new CliError(
        `baseline and current share no benchmark (suites ${baseline.suites.map((s) => s.suite_id).join(', ')} vs ${current.suites.map((s) => s.suite_id).join(', ')}): compare results of the same suites`,
      );
    }
    return renderReport({ runs: [baseline, current], comparison, threshold: options.threshold });
  });
  io.stdout.write(`report: ${written.path} (${written.bytes} bytes)\n`);
  return ExitCode.ok;
}
