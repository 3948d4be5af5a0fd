import { join } from 'node:path';
import { type SuiteResult, summarizeRun, toMarkdown, writeRunSummary } from '@kaizen-bench/harness';
import { pc } from './colors';
import { ExitCode } from './errors';
import { writeGithubBenchmarkFile } from './github-benchmark-file';
import type { CliIo } from './io';
import { renderRunSummary } from './render/run-summary-table';
import { renderSideBySide } from './render/side-by-side-table';
import { DEFAULT_SUBJECT, resultsFileName, subjectOf } from './subjects';
import { REPORT_FILE_NAME, renderRunReport, writeHtmlReport } from './commands/report';

/** The options of `run` the end of a run looks at. */
export interface FinishRunOptions {
  format: 'table' | 'json' | 'markdown';
  githubBenchmark?: string;
  failOn?: 'needs_work' | 'good';
  /** Also write `<out>/report.html`, the HTML report of the run. */
  report?: boolean;
}

/** Ratings that trip `--fail-on`: `needs_work` fails on needs_work only; `good` also fails on good. */
const failingRatings: Record<NonNullable<FinishRunOptions['failOn']>, readonly string[]> = {
  needs_work: ['needs_work'],
  good: ['needs_work', 'good'],
};

/**
 * What `run` does once its suites are done, with or without repetitions: `summary.json` (and, after several
 * suites, the whole-run table), JSON / Markdown output, the github-benchmark file, the HTML report.
 */
export async function reportRun(
  results: readonly SuiteResult[],
  options: FinishRunOptions,
  io: CliIo,
  run: { outDir: string; startedAt: Date; startedMs: number; aborted: boolean },
): Promise<void> {
  if (results.length > 0) {
    const summary = summarizeRun(results, {
      startedAt: run.startedAt,
      totalDurationSeconds: (performance.now() - run.startedMs) / 1000,
      aborted: run.aborted,
    });
    // Results of other subjects than the default live in files named after their subject.
    summary.suites.forEach((suite, i) => {
      suite.file = resultsFileName(suite.suite_id, subjectOf(results[i] as SuiteResult));
    });
    const path = await writeRunSummary(summary, run.outDir);
    const withSubjects = results.some((result) => subjectOf(result) !== DEFAULT_SUBJECT);
    // One suite's table says it all; after several, one table for the whole run; with subjects, side by side.
    if (options.format === 'table' && withSubjects) {
      io.stdout.write(`${renderSideBySide(results)}\n${pc.dim(`summary: ${path}`)}\n`);
    } else if (options.format === 'table' && results.length > 1) {
      io.stdout.write(`${renderRunSummary(summary)}\n${pc.dim(`summary: ${path}`)}\n`);
    }
  }
  if (options.format === 'json') io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  if (options.format === 'markdown')
    io.stdout.write(`${results.map((result) => toMarkdown(result)).join('\n\n')}\n`);
  if (options.githubBenchmark !== undefined && results.length > 0) {
    const { path, entries } = await writeGithubBenchmarkFile(results, options.githubBenchmark);
    io.stderr.write(`github-benchmark: ${entries} benchmarks written to ${path}\n`);
  }
  if (options.report && results.length > 0) {
    const { path, bytes } = await writeHtmlReport(join(run.outDir, REPORT_FILE_NAME), () =>
      renderRunReport(results, run.outDir),
    );
    io.stderr.write(`report: ${path} (${bytes} bytes)\n`);
  }
}

/** Exit code of a run that was not interrupted: 1 when a benchmark failed or `--fail-on` tripped, else 0. */
export function runExitCode(results: readonly SuiteResult[], options: FinishRunOptions, io: CliIo): number {
  const all = results.flatMap((result) => result.benchmark_results);
  if (all.some((result) => result.status === 'failed')) return ExitCode.failure;
  if (options.failOn) {
    const failing = failingRatings[options.failOn];
    const tripped = all.filter((result) => result.status === 'ok' && failing.includes(result.rating));
    if (tripped.length > 0) {
      io.stderr.write(`--fail-on ${options.failOn}: ${tripped.map((result) => result.name).join(', ')}\n`);
      return ExitCode.failure;
    }
  }
  return ExitCode.ok;
}
