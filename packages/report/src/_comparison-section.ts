import { verdictBadge } from './_badges';
import { formatChange, formatMs, formatNumber, formatP, VERDICT_LABELS } from './_format';
import { escapeHtml } from './_html';
import { benchmarkAnchor } from './_suite-section';
import { orderRegressionsFirst } from './order-comparison';
import type { ReportComparison, ReportRun, ReportVerdict } from './types';

function row(pair: ReportComparison): string {
  const c = pair.comparison;
  const key = `${pair.suite_id}/${pair.benchmark_id}`;
  const name = `<th scope="row"><a href="#${benchmarkAnchor(pair.suite_id, pair.benchmark_id)}">${escapeHtml(pair.name)}</a> <small>${escapeHtml(pair.suite_id)}</small></th>`;
  const reps = `<td class="num">${pair.baseline_repetitions} / ${pair.current_repetitions}</td>`;
  if (!c) {
    return `<tr data-benchmark="${escapeHtml(key)}" data-verdict="none">${name}${reps}<td colspan="7" class="muted">${escapeHtml(pair.note ?? 'not compared')}</td></tr>`;
  }
  const ratio = c.ratio
    ? `x${c.ratio.lower.toFixed(3)} – ${c.ratio.upper.toFixed(3)}`
    : '<span class="muted">—</span>';
  const reason = pair.reason ? `<div class="muted small">${escapeHtml(pair.reason)}</div>` : '';
  const on = c.unit === 'repetition_p50_floor_adjusted' ? 'p50 − floor' : 'p50';
  return `<tr data-benchmark="${escapeHtml(key)}" data-verdict="${c.verdict}">${name}${reps}<td>${on}</td><td class="num">${formatMs(c.baselineMedian)}</td><td class="num">${formatMs(c.currentMedian)}</td><td class="num">${formatChange(c.changePercent)}</td><td class="num">${ratio}</td><td class="num">${formatP(c.pValue)}</td><td>${verdictBadge(c.verdict)}${reason}</td></tr>`;
}

/** The comparison view: one row per benchmark in both runs, regressions first, with change, p-value, verdict. */
export function renderComparisonSection(
  runs: readonly [ReportRun, ReportRun],
  comparison: readonly ReportComparison[],
  threshold: number | undefined,
): string {
  const ordered = orderRegressionsFirst(comparison);
  const count = (verdict: ReportVerdict) =>
    comparison.filter((p) => p.comparison?.verdict === verdict).length;
  const summary = (['slower', 'faster', 'unchanged', 'inconclusive'] as const)
    .filter((verdict) => count(verdict) > 0)
    .map((verdict) => `${count(verdict)} ${VERDICT_LABELS[verdict].text}`);
  const notCompared = comparison.filter((p) => !p.comparison).length;
  if (notCompared > 0) summary.push(`${notCompared} not compared`);
  const headers = [
    'benchmark',
    'repetitions',
    'on',
    'before',
    'after',
    'change',
    'ratio 95% CI',
    'p',
    'verdict',
  ];
  const thresholdText =
    threshold === undefined ? '' : ` Changes within ${formatNumber(threshold * 100)}% count as unchanged.`;
  return `<section class="comparison" id="comparison" aria-labelledby="comparison-title">
<h2 id="comparison-title">Comparison: ${escapeHtml(runs[0].label)} → ${escapeHtml(runs[1].label)}</h2>
<p class="summary">${summary.length > 0 ? escapeHtml(summary.join(', ')) : 'no benchmark in both runs'}</p>
<p class="muted">The unit is the repetition (one run in a fresh process): before / after = median over the repetitions of the value in “on”; Mann-Whitney U and a bootstrap CI of the ratio over them; at least 4 repetitions per side decide (run --repeat 5). “p50 − floor”: each repetition’s p50 less its floor’s p50 (the same bare work timed beside it) plus the baseline’s median floor p50, so what slows both, a disk or a busy CPU, is taken out.${thresholdText}</p>
<div class="table-wrap" role="region" aria-label="Comparison" tabindex="0">
<table class="results"><caption>Per benchmark, regressions first</caption>
<thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${ordered.map(row).join('\n')}</tbody></table></div>
</section>`;
}
