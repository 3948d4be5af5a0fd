import type { BenchmarkResult, Rating, SuiteResult } from '@kaizen-bench/harness';
import { pc } from '../colors';
import { formatMs, formatRate, renderColumns } from './format';

// A function, not a table built at import: the colours are chosen when the CLI starts (see colors.ts).
const ratingColour = (rating: Rating): ((text: string) => string) =>
  ({ excellent: pc.green, good: pc.cyan, needs_work: pc.yellow, unrated: pc.dim })[rating];

function okRow(result: Extract<BenchmarkResult, { status: 'ok' }>, withRuns: boolean): string[] {
  const { latency_ms: latency, confidence_interval: ci, resources, target } = result;
  const runs = withRuns ? [runsCell(result)] : [];
  return [
    result.name,
    formatMs(latency.p50),
    formatMs(latency.p95),
    formatMs(latency.p99),
    formatMs(latency.mean),
    `${formatMs(ci.lower)}-${formatMs(ci.upper)}`,
    floorCell(result),
    formatRate(result.throughput_ops_per_sec),
    resources ? resources.cpu_peak.toFixed(0) : '-',
    resources ? resources.memory_peak_mb.toFixed(0) : '-',
    target ? `${target.excellentMs}/${target.targetMs}` : '-',
    ...runs,
    ratingColour(result.rating)(result.rating),
  ];
}

/** Repetitions merged and the run-to-run spread of their p50s, e.g. `5 (2.1%)`. */
function runsCell(result: Extract<BenchmarkResult, { status: 'ok' }>): string {
  const count = result.repetitions?.length ?? 1;
  return result.run_to_run_cv === undefined
    ? String(count)
    : `${count} (${(result.run_to_run_cv * 100).toFixed(1)}%)`;
}

/** The floor's p50 and the ratio to it, e.g. `0.91 x2.5 floor`; `-` when the benchmark declares no floor. */
function floorCell(result: Extract<BenchmarkResult, { status: 'ok' }>): string {
  if (!result.baseline) return '-';
  const ratio = result.overhead ? ` x${result.overhead.ratio_p50.toFixed(1)}` : '';
  return `${formatMs(result.baseline.latency_ms.p50)}${ratio}`;
}

/** The per-suite table the `run` command prints (latencies in ms), then floors, notes and diagnostics. */
export function renderSuiteTable(result: SuiteResult): string {
  const ok = result.benchmark_results.filter((r) => r.status === 'ok');
  const notOk = result.benchmark_results.filter((r) => r.status !== 'ok');
  const lines = [
    pc.bold(`${result.suite_name} (${result.suite_id}) - ${result.total_duration_seconds.toFixed(1)} s`),
  ];
  // A merge of repetitions (`run --repeat`): how many, and how much their p50s differ run to run.
  const withRuns = ok.some((r) => r.repetitions !== undefined);
  if (ok.length > 0) {
    const header = [
      'benchmark',
      'p50',
      'p95',
      'p99',
      'mean',
      '95% CI',
      'floor (xN)',
      'ops/s',
      'cpu%pk',
      'MBpk',
      'target',
      ...(withRuns ? ['runs (cv)'] : []),
      'rating',
    ];
    lines.push(
      renderColumns(
        header,
        ok.map((result) => okRow(result, withRuns)),
      ),
    );
  }
  for (const result of notOk) {
    const label = result.status === 'failed' ? pc.red('FAILED') : pc.yellow('SKIPPED');
    lines.push(`${label} ${result.name}: ${result.reason}`);
  }
  for (const result of ok) {
    if (result.rating === 'unrated' && result.rating_reason)
      lines.push(pc.dim(`unrated ${result.name}: ${result.rating_reason}`));
    if (result.timing.mode === 'batched') {
      lines.push(pc.dim(`${result.name}: batched timing, ${result.timing.batch_size} calls per sample`));
    }
    if (result.baseline) {
      lines.push(pc.dim(`${result.name} floor (${result.baseline.name}): ${result.baseline.description}`));
    }
    if (result.sampling?.mode === 'target_ci') {
      lines.push(
        pc.dim(
          `${result.name}: ${result.iterations} samples, stopped by ${result.sampling.stopped_by.replace('_', ' ')}`,
        ),
      );
    }
  }
  for (const result of ok) {
    for (const diagnostic of result.diagnostics ?? []) {
      lines.push(`${pc.yellow('!')} ${result.name}: ${diagnostic.message} [${diagnostic.code}]`);
    }
  }
  return lines.join('\n');
}
