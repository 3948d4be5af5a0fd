import { formatMs, formatRate } from './_format';
import type { BenchmarkResult, SuiteResult } from './types';

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function timingLabel(result: Extract<BenchmarkResult, { status: 'ok' }>): string {
  const { mode, batch_size } = result.timing;
  return mode === 'batched' ? `batched x${batch_size}` : mode.replace('_', '-');
}

/** `0.912 (x2.5)`: the floor's p50 and the benchmark's ratio to it; `-` without a floor. */
export function floorLabel(result: Extract<BenchmarkResult, { status: 'ok' }>): string {
  if (!result.baseline) return '-';
  const ratio = result.overhead
    ? ` (x${result.overhead.ratio_p50.toFixed(result.overhead.ratio_p50 < 10 ? 2 : 1)})`
    : '';
  return `${formatMs(result.baseline.latency_ms.p50)}${ratio}`;
}

function row(result: BenchmarkResult): string {
  const name = escapeCell(result.name);
  const target = result.target
    ? `${formatMs(result.target.excellentMs)} / ${formatMs(result.target.targetMs)}`
    : '-';
  if (result.status !== 'ok') {
    return `| ${name} | ${result.status}: ${escapeCell(result.reason)} | - | - | - | - | - | - | ${target} | - | - |`;
  }
  const { latency_ms: l, confidence_interval: ci } = result;
  const half = (ci.upper - ci.lower) / 2;
  const rating = result.rating_reason
    ? `${result.rating} (${escapeCell(result.rating_reason)})`
    : result.rating;
  return [
    '',
    name,
    'ok',
    formatMs(l.p50),
    formatMs(l.p95),
    formatMs(l.p99),
    `${formatMs(l.mean)} ± ${formatMs(half)}`,
    escapeCell(floorLabel(result)),
    formatRate(result.throughput_ops_per_sec),
    target,
    rating,
    `${result.iterations} (${timingLabel(result)})`,
    '',
  ]
    .join(' | ')
    .trim();
}

/**
 * A Markdown summary of one suite: a heading, the run's settings and a table with one row per benchmark
 * (latencies in ms, mean ± CI half-width, floor p50 with the ratio to it, ops/s, target `excellent / target`
 * ms, rating, samples and timing mode), then each floor's description and every diagnostic. Failed and
 * skipped benchmarks show their reason.
 */
export function toMarkdown(result: SuiteResult): string {
  const { config, environment } = result;
  const lines = [
    `## ${escapeCell(result.suite_name)} (\`${result.suite_id}\`)`,
    '',
    `${result.timestamp} · ${result.total_duration_seconds.toFixed(1)} s · seed ${config.seed} · profile ${config.profile} · ` +
      `stats ${config.stats.outliers}/${config.stats.percentile}/${config.stats.ci} ${Math.round(config.stats.confidence * 100)}% · ` +
      `${environment.cpu.brand} (${environment.cpu.logical_cores} cores), Node ${environment.node_version}`,
    '',
  ];
  if (config.aborted) lines.push('**Run aborted**: benchmarks after the last one listed did not run.', '');
  lines.push(
    '| Benchmark | Status | p50 (ms) | p95 (ms) | p99 (ms) | mean ± CI (ms) | floor p50 (ms) | ops/s | target (ms) | rating | samples |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|',
    ...result.benchmark_results.map(row),
  );
  const notes: string[] = [];
  for (const r of result.benchmark_results) {
    if (r.status !== 'ok') continue;
    if (r.baseline)
      notes.push(
        `- ${escapeCell(r.name)} floor, ${escapeCell(r.baseline.name)}: ${escapeCell(r.baseline.description)}`,
      );
    for (const d of r.diagnostics ?? [])
      notes.push(`- ${escapeCell(r.name)}: \`${d.code}\` ${escapeCell(d.message)}`);
  }
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}
