import type { BenchmarkResult, SuiteResult } from '@kaizen-bench/harness';
import { type CompareResult, compareSamples } from '@kaizen-bench/stats';
import { pc } from '../colors';
import { CliError, ExitCode } from '../errors';
import type { CliIo } from '../io';
import { loadResultSet } from '../load-results';
import { formatMs, formatPercent, renderColumns } from '../render/format';

export interface CompareCommandOptions {
  /** Fraction: changes within it count as unchanged. */
  threshold: number;
  format: 'table' | 'json';
  failOnRegression: boolean;
}

/** One benchmark present in both runs. */
export interface BenchmarkComparison {
  suite_id: string;
  benchmark_id: string;
  name: string;
  baseline_p50: number | null;
  current_p50: number | null;
  /** Null when either side did not run (`skipped` / `failed`). */
  comparison: CompareResult | null;
  note?: string;
}

/** Pairs the benchmarks present in both runs and compares the raw samples of those that ran in both. */
function compareRuns(
  baseline: SuiteResult[],
  current: SuiteResult[],
  threshold: number,
): BenchmarkComparison[] {
  const key = (suiteId: string, benchId: string) => `${suiteId}/${benchId}`;
  const currentByKey = new Map<string, BenchmarkResult>();
  for (const suite of current) {
    for (const bench of suite.benchmark_results) currentByKey.set(key(suite.suite_id, bench.id), bench);
  }
  const pairs: BenchmarkComparison[] = [];
  for (const suite of baseline) {
    for (const before of suite.benchmark_results) {
      const after = currentByKey.get(key(suite.suite_id, before.id));
      if (!after) continue;
      const p50 = (result: BenchmarkResult) => (result.status === 'ok' ? result.latency_ms.p50 : null);
      const comparison =
        before.status === 'ok' && after.status === 'ok'
          ? compareSamples(before.samples_ms, after.samples_ms, { threshold })
          : null;
      pairs.push({
        suite_id: suite.suite_id,
        benchmark_id: before.id,
        name: before.name,
        baseline_p50: p50(before),
        current_p50: p50(after),
        comparison,
        ...(comparison ? {} : { note: `not compared: baseline ${before.status}, current ${after.status}` }),
      });
    }
  }
  return pairs;
}

// A function, not a table built at import: the colours are chosen when the CLI starts (see colors.ts).
const verdictColour = (verdict: 'faster' | 'slower' | 'unchanged' | 'inconclusive') =>
  ({ faster: pc.green, slower: pc.red, unchanged: pc.dim, inconclusive: pc.yellow })[verdict];

/** One line for the whole comparison, e.g. `verdict: 1 slower (suite6_checkpoints/checkpoint_save), 20 unchanged`. */
export function overallVerdict(pairs: readonly BenchmarkComparison[]): string {
  const by = (verdict: string) => pairs.filter((pair) => pair.comparison?.verdict === verdict);
  const named = (list: BenchmarkComparison[]) =>
    list.map((p) => `${p.suite_id}/${p.benchmark_id}`).join(', ');
  const slower = by('slower');
  const faster = by('faster');
  const parts = [
    slower.length > 0 ? `${slower.length} slower (${named(slower)})` : '',
    faster.length > 0 ? `${faster.length} faster (${named(faster)})` : '',
    by('unchanged').length > 0 ? `${by('unchanged').length} unchanged` : '',
    by('inconclusive').length > 0 ? `${by('inconclusive').length} inconclusive` : '',
    pairs.filter((pair) => !pair.comparison).length > 0
      ? `${pairs.filter((pair) => !pair.comparison).length} not comparable`
      : '',
  ].filter(Boolean);
  const headline = slower.length > 0 ? 'slower' : faster.length > 0 ? 'faster' : 'no significant change';
  return `verdict: ${headline} - ${parts.join(', ')}`;
}

/**
 * `kaizen-bench compare <baseline> <current>`: per benchmark present in both, the p50 before and after,
 * change and Mann-Whitney U p-value on the stored raw samples, and a verdict.
 */
export async function compareCommand(
  baselinePath: string,
  currentPath: string,
  options: CompareCommandOptions,
  io: CliIo,
): Promise<number> {
  const baseline = await loadResultSet(baselinePath, 'baseline');
  const current = await loadResultSet(currentPath, 'current');
  const pairs = compareRuns(baseline, current, options.threshold);
  if (pairs.length === 0) {
    throw new CliError(
      `baseline and current share no benchmark (suites ${baseline.map((s) => s.suite_id).join(', ')} vs ${current
        .map((s) => s.suite_id)
        .join(', ')}): compare results of the same suites`,
    );
  }

  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ threshold: options.threshold, benchmarks: pairs }, null, 2)}\n`);
  } else {
    const rows = pairs.map((pair) => {
      const c = pair.comparison;
      return [
        `${pair.suite_id} / ${pair.name}`,
        pair.baseline_p50 === null ? '-' : formatMs(pair.baseline_p50),
        pair.current_p50 === null ? '-' : formatMs(pair.current_p50),
        c ? formatPercent(c.changePercent / 100) : '-',
        c ? c.pValue.toPrecision(2) : '-',
        c ? verdictColour(c.verdict)(c.verdict) : pc.dim(pair.note ?? ''),
      ];
    });
    io.stdout.write(
      `${renderColumns(['benchmark', 'p50 before', 'p50 after', 'change', 'p', 'verdict'], rows)}\n`,
    );
    io.stdout.write(
      pc.dim(`threshold ${(options.threshold * 100).toFixed(1)}%, Mann-Whitney U on raw samples\n`),
    );
    io.stdout.write(`${overallVerdict(pairs)}\n`);
  }

  const regressions = pairs.filter((pair) => pair.comparison?.verdict === 'slower');
  if (options.failOnRegression && regressions.length > 0) {
    io.stderr.write(
      `regression: ${regressions.map((pair) => `${pair.suite_id}/${pair.benchmark_id}`).join(', ')}\n`,
    );
    return ExitCode.failure;
  }
  return ExitCode.ok;
}
