import { type SuiteResult, summarizeRun, toMarkdown, writeRunSummary } from '@kaizen-bench/harness';
import { pc } from './colors';
import { ExitCode } from './errors';
import { writeGithubBenchmarkFile } from './github-benchmark-file';
import type { CliIo } from './io';
import { renderRunSummary } from './render/run-summary-table';

/** The options of `run` the end of a run looks at. */
export interface FinishRunOptions {
  format: 'table' | 'json' | 'markdown';
  githubBenchmark?: string;
  failOn?: 'needs_work' | 'good';
}

/** Ratings that trip `--fail-on`: `needs_work` fails on needs_work only; `good` also fails on good. */
const failingRatings: Record<NonNullable<FinishRunOptions['failOn']>, readonly string[]> = {
  needs_work: ['needs_work'],
  good: ['needs_work', 'good'],
};

/**
 * What `run` does once its suites are done, with or without repetitions: `summary.json` (and, after several
 * suites, the whole-run table), JSON / Markdown output, the github-benchmark file.
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
    const path = await writeRunSummary(summary, run.outDir);
    // One suite's table says it all; after several, one table for the whole run.
    if (options.format === 'table' && results.length > 1) {
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
