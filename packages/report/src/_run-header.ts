import type { SuiteResult } from '@kaizen-bench/harness';
import { formatNumber } from './_format';
import { escapeHtml } from './_html';
import type { ReportRun } from './types';

/** An ISO time as `2026-11-27 17:45:36 UTC`. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC` : iso;
}

/** The values of `pick` over the suites, each once, joined: suites of one run usually agree. */
function distinct(suites: readonly SuiteResult[], pick: (suite: SuiteResult) => string): string {
  return [...new Set(suites.map(pick))].join(' / ');
}

function machine(suite: SuiteResult): string {
  const { cpu, os } = suite.environment;
  return [
    `${cpu.manufacturer} ${cpu.brand}`.trim(),
    `${cpu.physical_cores} cores (${cpu.logical_cores} logical)${cpu.speed_ghz > 0 ? ` at ${cpu.speed_ghz} GHz` : ''}`,
    `${formatNumber(suite.environment.memory_total_gb)} GB RAM`,
    `${os.distro} ${os.release}`.trim(),
    `${os.platform} ${os.arch}, kernel ${os.kernel}`,
    suite.environment.virtualization ?? 'bare metal',
  ].join(' · ');
}

function settings(suite: SuiteResult): string {
  const { config } = suite;
  const parts = [
    `profile ${config.profile}`,
    `iterations ${config.iterations_override ?? 'per benchmark'}`,
    `warmup ${config.warmup_override ?? 'per benchmark'}`,
    `outliers ${config.stats.outliers}`,
    `CI ${config.stats.ci} ${formatNumber(config.stats.confidence * 100, 0)}%`,
    `percentile ${config.stats.percentile}`,
    config.monitor ? `resources sampled every ${config.monitor_interval_ms} ms` : 'resources not sampled',
  ];
  if (config.target_ci_percent != null) parts.push(`target CI ${config.target_ci_percent}%`);
  if (config.repetitions !== undefined) parts.push(`${config.repetitions} repetitions merged`);
  if (config.aborted) parts.push('aborted');
  return parts.join(' · ');
}

/** The header of one run: date, machine, Node, load, settings, seed and what it holds. */
export function renderRunHeader(run: ReportRun, role: string, index: number): string {
  const suites = run.suites;
  const benchmarks = suites.flatMap((suite) => suite.benchmark_results);
  const count = (status: string) => benchmarks.filter((b) => b.status === status).length;
  const started = [...suites.map((suite) => suite.timestamp)].sort()[0] ?? '';
  const held = `${suites.length} suite${suites.length === 1 ? '' : 's'}, ${benchmarks.length} benchmarks (${count('ok')} ok, ${count('skipped')} skipped, ${count('failed')} failed)`;
  const rows: [string, string][] = [
    ['Date', formatTimestamp(started)],
    ['Machine', distinct(suites, machine)],
    ['Node', distinct(suites, (suite) => suite.environment.node_version)],
    [
      'Load average',
      distinct(suites, (suite) => `${suite.environment.load_average.map((v) => v.toFixed(2)).join(' / ')}`) +
        ' (1 / 5 / 15 min, at start)',
    ],
    ['Settings', distinct(suites, settings)],
    ['Seed', distinct(suites, (suite) => String(suite.config.seed))],
    ['Results', run.source ? `${held} · read from ${run.source}` : held],
  ];
  return `<section class="run" aria-labelledby="run-${index}-title">
<h2 id="run-${index}-title">${escapeHtml(role)}: ${escapeHtml(run.label)}</h2>
<dl class="facts">${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${escapeHtml(value)}</dd></div>`).join('')}</dl>
</section>`;
}
