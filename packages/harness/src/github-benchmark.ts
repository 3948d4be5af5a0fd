import { formatMs } from './_format';
import type { OkBenchmarkResult, SuiteResult } from './types';

/** One entry of github-action-benchmark's `customSmallerIsBetter` input. */
export interface GithubBenchmarkEntry {
  /** `<suite id> / <benchmark id> (<name>)`: unique and stable, since the action keys its history by name. */
  name: string;
  unit: 'ms';
  /** Mean latency after outlier removal, ms (the value the action charts and alerts on). */
  value: number;
  /** `± <h>` ms: `value ± h` covers the 95% CI of the mean, so the value lies inside its own range. */
  range: string;
  /** What value and range are, then p50/p95/p99, samples, timing mode, rating and floor ratio, one per line. */
  extra: string;
}

/** The action renders names in a Markdown table: a `|` or a backtick would break it. */
const sanitize = (text: string): string =>
  text
    .replace(/\|/g, '/')
    .replace(/`/g, "'")
    .replace(/\s*\n\s*/g, ' ');

function entryOf(suite: SuiteResult, bench: OkBenchmarkResult): GithubBenchmarkEntry {
  const { latency_ms: l, confidence_interval: ci, timing } = bench;
  // The CI of the mean is symmetric for the normal and t methods; for a bootstrap CI take the wider side.
  const half = Math.max(l.mean - ci.lower, ci.upper - l.mean, 0);
  const mode = timing.mode === 'batched' ? `batched x${timing.batch_size}` : timing.mode;
  const lines = [
    `value: mean of ${l.count} samples after outlier removal, ms; range: ${Math.round(ci.confidence * 100)}% CI of the mean`,
    `p50: ${formatMs(l.p50)} ms, p95: ${formatMs(l.p95)} ms, p99: ${formatMs(l.p99)} ms`,
    `samples: ${bench.iterations}, timing: ${mode}, rating: ${bench.rating}`,
  ];
  if (bench.overhead)
    lines.push(`floor: x${bench.overhead.ratio_p50.toFixed(2)} (${sanitize(bench.baseline?.name ?? '')})`);
  return {
    name: sanitize(`${suite.suite_id} / ${bench.id} (${bench.name})`),
    unit: 'ms',
    value: l.mean,
    range: `± ${formatMs(half)}`,
    extra: lines.join('\n'),
  };
}

/**
 * The `ok` benchmarks of one or more suites as github-action-benchmark `customSmallerIsBetter` entries: the
 * mean (ms) with its 95% CI as the range. Skipped and failed benchmarks have no number and are left out, so
 * the array can be empty (the action rejects an empty file: check before writing it). Write it as JSON.
 */
export function toGithubBenchmark(results: SuiteResult | readonly SuiteResult[]): GithubBenchmarkEntry[] {
  const suites: readonly SuiteResult[] = 'suite_id' in results ? [results] : results;
  return suites.flatMap((suite) =>
    suite.benchmark_results
      .filter((b): b is OkBenchmarkResult => b.status === 'ok')
      .map((b) => entryOf(suite, b)),
  );
}
