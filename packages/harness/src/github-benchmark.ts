import { formatMs } from './_format';
import type { SuiteResult } from './types';

/** One entry of github-action-benchmark's `customSmallerIsBetter` format. */
export interface GithubBenchmarkEntry {
  /** `<suite name> / <benchmark name> p50`. */
  name: string;
  unit: 'ms';
  /** p50, ms. */
  value: number;
  /** `± <CI half-width>` in ms. */
  range?: string;
  /** p95/p99, samples and timing mode, one per line. */
  extra?: string;
}

/**
 * The suite's `ok` benchmarks as github-action-benchmark `customSmallerIsBetter` entries (p50 in ms).
 * Skipped and failed benchmarks have no number and are left out. Write the array as JSON for the action.
 */
export function toGithubBenchmark(result: SuiteResult): GithubBenchmarkEntry[] {
  const entries: GithubBenchmarkEntry[] = [];
  for (const bench of result.benchmark_results) {
    if (bench.status !== 'ok') continue;
    const { latency_ms: l, confidence_interval: ci, timing } = bench;
    const mode = timing.mode === 'batched' ? `batched x${timing.batch_size}` : timing.mode;
    entries.push({
      name: `${result.suite_name} / ${bench.name} p50`,
      unit: 'ms',
      value: l.p50,
      range: `± ${formatMs((ci.upper - ci.lower) / 2)}`,
      extra: [
        `p95: ${formatMs(l.p95)} ms`,
        `p99: ${formatMs(l.p99)} ms`,
        `samples: ${bench.iterations}`,
        `timing: ${mode}`,
        `rating: ${bench.rating}`,
      ].join('\n'),
    });
  }
  return entries;
}
