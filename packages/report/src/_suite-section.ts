import type { BenchmarkResult, OkBenchmarkResult, SuiteResult } from '@kaizen-bench/harness';
import { diagnosticLabels, ratingBadge, statusBadge } from './_badges';
import { type ChartSpec, compactSamples } from './_chart-spec';
import { formatMs, formatNumber, formatRatio } from './_format';
import { anchorId, escapeHtml } from './_html';

/** Collects the charts of the page; each chart element refers to its spec by index. */
export class ChartCollector {
  readonly charts: ChartSpec[] = [];

  add(spec: ChartSpec): number {
    this.charts.push(spec);
    return this.charts.length - 1;
  }
}

/** Benchmarks of the baseline run by `suite_id/benchmark_id`, to draw beside the current run. */
export type BaselineLookup = ReadonlyMap<string, OkBenchmarkResult>;

/** The anchor of a benchmark's section. */
export function benchmarkAnchor(suiteId: string, benchmarkId: string): string {
  return anchorId('b', suiteId, benchmarkId);
}

/** The anchor of a suite's section. */
export function suiteAnchor(suiteId: string): string {
  return anchorId('s', suiteId);
}

function tableRow(suite: SuiteResult, bench: BenchmarkResult, anchorKey: string): string {
  const key = `${suite.suite_id}/${bench.id}`;
  const name = `<th scope="row"><a href="#${benchmarkAnchor(anchorKey, bench.id)}">${escapeHtml(bench.name)}</a></th>`;
  if (bench.status !== 'ok') {
    return `<tr data-benchmark="${escapeHtml(key)}">${name}<td colspan="8">${statusBadge(bench.status)} ${escapeHtml(bench.reason)}</td></tr>`;
  }
  const { latency_ms: latency, confidence_interval: ci } = bench;
  const cells = [
    formatMs(latency.p50),
    formatMs(latency.p95),
    formatMs(latency.p99),
    `${formatMs(ci.lower)} – ${formatMs(ci.upper)}`,
    bench.baseline ? formatMs(bench.baseline.latency_ms.p50) : '—',
    bench.overhead ? formatRatio(bench.overhead.ratio_p50) : '—',
  ];
  return `<tr data-benchmark="${escapeHtml(key)}">${name}${cells.map((cell) => `<td class="num">${cell}</td>`).join('')}<td>${ratingBadge(bench.rating, bench.rating_reason)}</td><td>${diagnosticLabels(bench.diagnostics)}</td></tr>`;
}

function suiteTable(suite: SuiteResult, anchorKey: string): string {
  const headers = [
    'benchmark',
    'p50',
    'p95',
    'p99',
    '95% CI of mean',
    'floor p50',
    'x floor',
    'rating',
    'diagnostics',
  ];
  return `<div class="table-wrap" role="region" aria-label="${escapeHtml(suite.suite_name)} results" tabindex="0">
<table class="results"><caption>${escapeHtml(suite.suite_name)}: latency per call</caption>
<thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${suite.benchmark_results.map((bench) => tableRow(suite, bench, anchorKey)).join('\n')}</tbody></table></div>`;
}

function fact(term: string, value: string): string {
  return `<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

function facts(bench: OkBenchmarkResult): string {
  const rows = [
    fact(
      'Samples',
      `${bench.iterations} measured, ${bench.warmup_iterations} warmup, ${bench.outliers_removed} outliers removed`,
    ),
    fact(
      'Timing',
      bench.timing.mode === 'batched'
        ? `batched: each sample is the mean of ${bench.timing.batch_size} calls`
        : bench.timing.mode.replace('_', ' '),
    ),
    fact('Mean ± stddev', `${formatMs(bench.latency_ms.mean)} ± ${formatMs(bench.latency_ms.stddev)}`),
    fact('Throughput', `${formatNumber(bench.throughput_ops_per_sec, 1)} ops/s`),
    fact(
      'Target (p50)',
      bench.target
        ? `excellent below ${formatMs(bench.target.excellentMs)}, good below ${formatMs(bench.target.targetMs)}`
        : 'none',
    ),
  ];
  if (bench.overhead) {
    const { diff_ci: ci } = bench.overhead;
    rows.push(
      fact(
        'Over the floor',
        `${formatRatio(bench.overhead.ratio_p50)} the floor's p50, ${formatMs(bench.overhead.diff_p50_ms)} more (${formatNumber(ci.confidence * 100, 0)}% CI ${formatMs(ci.lower)} – ${formatMs(ci.upper)})`,
      ),
    );
  }
  const r = bench.resources;
  rows.push(
    fact(
      'Resource peaks',
      r
        ? [
            `CPU ${formatNumber(r.cpu_peak)}% (mean ${formatNumber(r.cpu_mean)}%)`,
            `RSS ${formatNumber(r.memory_peak_mb)} MB (mean ${formatNumber(r.memory_mean_mb)} MB)`,
            r.threads_peak > 0 ? `${r.threads_peak} threads` : '',
            r.heap_used_peak_mb !== undefined ? `heap ${formatNumber(r.heap_used_peak_mb)} MB` : '',
            r.event_loop_delay_p99_ms !== undefined
              ? `event-loop delay p99 ${formatMs(r.event_loop_delay_p99_ms)}`
              : '',
          ]
            .filter(Boolean)
            .join(' · ')
        : 'not sampled',
    ),
  );
  if (bench.repetitions) {
    rows.push(
      fact(
        'Repetitions',
        `${bench.repetitions.length} (fresh processes), p50s ${bench.repetitions.map((rep) => formatMs(rep.p50)).join(', ')}${bench.run_to_run_cv !== undefined ? `; run-to-run CV ${formatNumber(bench.run_to_run_cv * 100)}%` : ''}`,
      ),
    );
  }
  return `<dl class="facts">${rows.join('')}</dl>`;
}

function charts(
  bench: OkBenchmarkResult,
  before: OkBenchmarkResult | undefined,
  collector: ChartCollector,
): string {
  const { latency_ms: latency } = bench;
  const hist = collector.add({
    kind: 'hist',
    series: [{ label: bench.name, role: 'subject', samples: compactSamples(bench.samples_ms) }],
    marks: [
      { label: 'p50', value: latency.p50 },
      { label: 'p95', value: latency.p95 },
      { label: 'p99', value: latency.p99 },
    ],
  });
  const series: ChartSpec['series'] = [
    { label: bench.name, role: 'subject', samples: compactSamples(bench.samples_ms) },
  ];
  if (bench.baseline)
    series.push({
      label: `floor: ${bench.baseline.name}`,
      role: 'floor',
      samples: compactSamples(bench.baseline.samples_ms),
    });
  if (before)
    series.push({
      label: `${bench.name} (baseline run)`,
      role: 'before',
      samples: compactSamples(before.samples_ms),
    });
  const ecdf = collector.add({ kind: 'ecdf', series, marks: [] });
  const n = bench.samples_ms.length;
  const others = series.slice(1).map((s) => s.label);
  const histLabel = `Histogram of ${n} samples of ${bench.name}: p50 ${formatMs(latency.p50)}, p95 ${formatMs(latency.p95)}, p99 ${formatMs(latency.p99)}`;
  const ecdfLabel = `Cumulative distribution of ${bench.name}${others.length > 0 ? ` beside ${others.join(' and ')}` : ''}`;
  const figure = (index: number, kind: string, label: string, caption: string) =>
    `<figure><div class="chart" data-chart="${index}" data-kind="${kind}" role="img" aria-label="${escapeHtml(label)}"><p class="muted">Charts need JavaScript.</p></div><figcaption>${caption}</figcaption></figure>`;
  return `<div class="charts">
${figure(hist, 'hist', histLabel, `Distribution of ${n} raw samples (ms per call); dashed lines mark p50, p95, p99.`)}
${figure(ecdf, 'ecdf', ecdfLabel, bench.baseline ? 'Subject vs floor: share of samples at or below each time (floor dashed).' : 'Share of samples at or below each time (no floor declared).')}
</div>`;
}

function benchmarkSection(
  suite: SuiteResult,
  bench: BenchmarkResult,
  baselines: BaselineLookup,
  collector: ChartCollector,
  anchorKey: string,
): string {
  const id = benchmarkAnchor(anchorKey, bench.id);
  const badge =
    bench.status === 'ok' ? ratingBadge(bench.rating, bench.rating_reason) : statusBadge(bench.status);
  const head = `<h3 id="${id}-title">${escapeHtml(bench.name)} ${badge}</h3>
<p class="what"><strong>What was timed:</strong> ${escapeHtml(bench.description)}</p>`;
  if (bench.status !== 'ok') {
    return `<article class="bench" id="${id}" aria-labelledby="${id}-title">${head}<p><strong>${bench.status}:</strong> ${escapeHtml(bench.reason)}</p></article>`;
  }
  const floor = bench.baseline
    ? `<p class="what"><strong>Floor (${escapeHtml(bench.baseline.name)}):</strong> ${escapeHtml(bench.baseline.description)}</p>`
    : '';
  const diagnostics =
    bench.diagnostics && bench.diagnostics.length > 0
      ? `<ul class="diagnostics">${bench.diagnostics.map((d) => `<li><span aria-hidden="true">⚠</span> ${escapeHtml(d.message)} <code>${d.code}</code></li>`).join('')}</ul>`
      : '';
  const unrated = bench.rating_reason
    ? `<p class="muted">Unrated: ${escapeHtml(bench.rating_reason)}</p>`
    : '';
  const metadata =
    Object.keys(bench.metadata).length > 0
      ? `<details><summary>Metadata</summary><pre>${escapeHtml(JSON.stringify(bench.metadata, null, 2))}</pre></details>`
      : '';
  const before = baselines.get(`${suite.suite_id}/${bench.id}`);
  return `<article class="bench" id="${id}" aria-labelledby="${id}-title">${head}${floor}${unrated}
${charts(bench, before, collector)}${facts(bench)}${diagnostics}${metadata}</article>`;
}

/**
 * A suite: its table (one row per benchmark) and one section per benchmark with charts and facts.
 * `anchorKey` names its anchors: the suite id, made unique when a run holds a suite twice (e.g. per subject).
 */
export function renderSuiteSection(
  suite: SuiteResult,
  baselines: BaselineLookup,
  collector: ChartCollector,
  anchorKey: string = suite.suite_id,
): string {
  const id = suiteAnchor(anchorKey);
  const subject = suite.metadata['subject'];
  const subjectLine =
    typeof subject === 'string' ? `<p class="what"><strong>Subject:</strong> ${escapeHtml(subject)}</p>` : '';
  return `<section class="suite" id="${id}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${escapeHtml(suite.suite_name)} <small>${escapeHtml(suite.suite_id)}</small></h2>
${subjectLine}${suiteTable(suite, anchorKey)}
${suite.benchmark_results.map((bench) => benchmarkSection(suite, bench, baselines, collector, anchorKey)).join('\n')}
</section>`;
}
