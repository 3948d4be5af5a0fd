import type { BenchmarkResult, Rating, SuiteResult } from '@kaizen-bench/harness';
import pc from 'picocolors';
import { formatMs, formatRate, renderColumns } from './format';

const ratingColour: Record<Rating, (text: string) => string> = {
  excellent: pc.green,
  good: pc.cyan,
  needs_work: pc.yellow,
  unrated: pc.dim,
};

function okRow(result: Extract<BenchmarkResult, { status: 'ok' }>): string[] {
  const { latency_ms: latency, confidence_interval: ci, resources, target } = result;
  return [
    result.name,
    formatMs(latency.p50),
    formatMs(latency.p95),
    formatMs(latency.p99),
    formatMs(latency.mean),
    `${formatMs(ci.lower)}-${formatMs(ci.upper)}`,
    formatRate(result.throughput_ops_per_sec),
    resources ? resources.cpu_peak.toFixed(0) : '-',
    resources ? resources.memory_peak_mb.toFixed(0) : '-',
    target ? `${target.excellentMs}/${target.targetMs}` : '-',
    ratingColour[result.rating](result.rating),
  ];
}

/** The per-suite table the `run` command prints (latencies in ms). */
export function renderSuiteTable(result: SuiteResult): string {
  const ok = result.benchmark_results.filter((r) => r.status === 'ok');
  const notOk = result.benchmark_results.filter((r) => r.status !== 'ok');
  const lines = [
    pc.bold(`${result.suite_name} (${result.suite_id}) - ${result.total_duration_seconds.toFixed(1)} s`),
  ];
  if (ok.length > 0) {
    const header = [
      'benchmark',
      'p50',
      'p95',
      'p99',
      'mean',
      '95% CI',
      'ops/s',
      'cpu%pk',
      'MBpk',
      'target',
      'rating',
    ];
    lines.push(renderColumns(header, ok.map(okRow)));
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
  }
  return lines.join('\n');
}
