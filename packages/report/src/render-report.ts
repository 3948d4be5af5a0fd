import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { loadChartAssets } from './_assets';
import type { ReportData } from './_chart-spec';
import { clientScript } from './_client';
import { renderComparisonSection } from './_comparison-section';
import { escapeHtml, jsonForScript, scriptForHtml } from './_html';
import { renderRunHeader } from './_run-header';
import { REPORT_CSS } from './_styles';
import { type BaselineLookup, ChartCollector, renderSuiteSection, suiteAnchor } from './_suite-section';
import { ReportError } from './errors';
import type { RenderReportOptions } from './types';

// No network at all: everything the page needs is inline; the policy makes any stray request fail loudly.
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/**
 * Renders one run (or a comparison of two) as one self-contained HTML page: run header, per-suite tables,
 * per-benchmark distribution charts and floors, and with two runs a comparison view, regressions first.
 * Data is embedded as JSON and the chart library (uPlot) is inlined: the file opens from disk with no network.
 * @throws ReportError `REPORT_NO_RESULTS` for a run without suites, `REPORT_BAD_INPUT` for two runs without
 *   a comparison.
 * @example writeFileSync('report.html', renderReport({ runs: [{ label: 'main', suites }] }))
 */
export function renderReport(options: RenderReportOptions): string {
  const { runs } = options;
  for (const run of runs) {
    if (run.suites.length === 0)
      throw new ReportError(
        'REPORT_NO_RESULTS',
        `run "${run.label}" holds no suite results: run a suite first`,
      );
  }
  const [baseline, current] = runs.length === 2 ? runs : [undefined, runs[0]];
  if (baseline && !options.comparison) {
    throw new ReportError(
      'REPORT_BAD_INPUT',
      'two runs need a `comparison` (e.g. the output of `kaizen-bench compare --format json`): pass one run, or both runs and their comparison',
    );
  }
  const title = options.title ?? 'kaizen-bench report';
  const generatedAt = options.generatedAt ?? new Date();
  const assets = loadChartAssets();
  const collector = new ChartCollector();

  const baselines = new Map<string, OkBenchmarkResult>();
  for (const suite of baseline?.suites ?? []) {
    for (const bench of suite.benchmark_results)
      if (bench.status === 'ok') baselines.set(`${suite.suite_id}/${bench.id}`, bench);
  }
  const lookup: BaselineLookup = baselines;
  const headers =
    runs.length === 2
      ? [renderRunHeader(runs[0], 'Baseline', 0), renderRunHeader(runs[1], 'Current', 1)]
      : [renderRunHeader(runs[0], 'Run', 0)];
  const comparison =
    runs.length === 2 && options.comparison
      ? renderComparisonSection(runs, options.comparison, options.threshold)
      : '';
  // A suite id seen again (the same suite for another subject) gets a numbered anchor.
  const seen = new Map<string, number>();
  const keyed = current.suites.map((suite) => {
    const n = (seen.get(suite.suite_id) ?? 0) + 1;
    seen.set(suite.suite_id, n);
    return { suite, key: n === 1 ? suite.suite_id : `${suite.suite_id}-${n}` };
  });
  const suites = keyed.map(({ suite, key }) => renderSuiteSection(suite, lookup, collector, key)).join('\n');
  const nav = [
    comparison ? '<li><a href="#comparison">Comparison</a></li>' : '',
    ...keyed.map(
      ({ suite, key }) => `<li><a href="#${suiteAnchor(key)}">${escapeHtml(suite.suite_name)}</a></li>`,
    ),
  ].join('');
  const data: ReportData = { charts: collector.charts };

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="@kaizen-bench/report">
<title>${escapeHtml(title)}</title>
<style>${assets.css}</style>
<style>${REPORT_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to results</a>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="muted">Generated ${escapeHtml(generatedAt.toISOString().slice(0, 19).replace('T', ' '))} UTC. Latency per call; lower is better. Ratings: ★★ excellent, ★ good, ▲ needs work, ○ unrated.</p>
<div class="runs">${headers.join('\n')}</div>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
</header>
<main id="main" tabindex="-1">
${comparison}
${suites}
</main>
<footer><p>Charts drawn with uPlot ${escapeHtml(assets.version)} (MIT), inlined. Data: the results files' raw samples, embedded below.</p></footer>
<script type="application/json" id="kb-data">${jsonForScript(data)}</script>
<script>${scriptForHtml(assets.js)}</script>
<script>${scriptForHtml(clientScript())}</script>
</body>
</html>
`;
}
