import type { RunSummary } from '@kaizen-bench/harness';
import { pc } from '../colors';
import { formatMs, renderColumns } from './format';

const ratingColour = (rating: string): ((text: string) => string) =>
  ({ excellent: pc.green, good: pc.cyan, needs_work: pc.yellow })[rating] ?? pc.dim;

/** The run summary `run` prints after several suites: one row per benchmark, counts, failures and the wall time. */
export function renderRunSummary(summary: RunSummary): string {
  const rows = summary.suites.flatMap((suite) =>
    suite.benchmarks.map((b) => [
      suite.suite_id,
      b.name,
      b.p50_ms === null ? '-' : formatMs(b.p50_ms),
      b.floor_ratio === null ? '-' : `x${b.floor_ratio.toFixed(1)}`,
      b.status === 'ok'
        ? ratingColour(b.rating ?? '')(b.rating ?? '')
        : b.status === 'failed'
          ? pc.red('FAILED')
          : pc.yellow('skipped'),
      b.diagnostics.length > 0 ? String(b.diagnostics.length) : '-',
    ]),
  );
  const c = summary.counts;
  const lines = [
    pc.bold(`Run summary - ${summary.total_duration_seconds.toFixed(1)} s`),
    renderColumns(['suite', 'benchmark', 'p50 ms', 'floor', 'rating', 'diagnostics'], rows),
    `${c.excellent} excellent, ${c.good} good, ${c.needs_work} needs_work, ${c.unrated} unrated, ${c.skipped} skipped, ${c.failed} failed`,
  ];
  for (const suite of summary.suites) {
    for (const b of suite.benchmarks) {
      if (b.status !== 'ok')
        lines.push(
          `${b.status === 'failed' ? pc.red('FAILED') : pc.yellow('SKIPPED')} ${suite.suite_id} / ${b.name}: ${b.reason}`,
        );
    }
  }
  return lines.join('\n');
}
