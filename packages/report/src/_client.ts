/// <reference lib="dom" />
// Runs in the browser, not in Node: `renderReport` inlines these functions with `String(fn)`. Each must stay
// self-contained (no imports, only the functions of this file and browser globals), since only its source
// text travels. The pure ones are unit-tested in Node.
import type uPlot from 'uplot';
import type { ChartSpec, ReportData, SeriesRole } from './_chart-spec';

/**
 * Equal-width bins over [min, max], ceil(sqrt(n)) of them, between 5 and `maxBins`; one bin when all are
 * equal. With `log`, equal width in log10 (for positive samples spread over decades). `lo`, `hi` and the
 * bin centres are in sample units.
 */
export function histogramBins(
  samples: readonly number[],
  maxBins: number,
  log = false,
): { lo: number; hi: number; centers: number[]; counts: number[] } {
  if (samples.length === 0) return { lo: 0, hi: 1, centers: [], counts: [] };
  const values = log ? samples.map((v) => Math.log10(v)) : samples;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const bins = max > min ? Math.min(maxBins, Math.max(5, Math.ceil(Math.sqrt(values.length)))) : 1;
  const width = max > min ? (max - min) / bins : Math.max(Math.abs(min) * 0.02, 1e-6);
  const start = max > min ? min : min - width / 2;
  const counts: number[] = new Array(bins).fill(0);
  for (const value of values) {
    // the maximum falls on the last bin's right edge: it belongs to the last bin
    const index = Math.min(bins - 1, Math.floor((value - start) / width));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  const unit = (v: number) => (log ? 10 ** v : v);
  return {
    lo: unit(start),
    hi: unit(start + bins * width),
    centers: counts.map((_, i) => unit(start + (i + 0.5) * width)),
    counts,
  };
}

/** Whether positive samples spread over more than 20x: then a log scale keeps the bulk and the tail readable. */
export function wantsLogScale(samples: readonly number[]): boolean {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const value of samples) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min > 0 && max / min > 20;
}

/**
 * Empirical CDFs of several sample sets on one shared grid (the union of their values, sorted): y[s][i] is the
 * share of series s at or below x[i]; null for an empty series.
 */
export function ecdfOnGrid(series: readonly (readonly number[])[]): { x: number[]; y: (number | null)[][] } {
  const sorted = series.map((samples) => [...samples].sort((a, b) => a - b));
  const x = [...new Set(sorted.flat())].sort((a, b) => a - b);
  const y = sorted.map((samples) => {
    let below = 0;
    return x.map((value) => {
      while (below < samples.length && (samples[below] as number) <= value) below++;
      return samples.length > 0 ? below / samples.length : null;
    });
  });
  return { x, y };
}

/** Stroke colour and dash of each series role: the dash and the legend text tell them apart, not only colour. */
export function seriesStyle(role: SeriesRole): { stroke: string; dash: number[] } {
  if (role === 'floor') return { stroke: '#5f6368', dash: [8, 5] };
  if (role === 'before') return { stroke: '#b45309', dash: [2, 4] };
  return { stroke: '#1f5fbf', dash: [] };
}

/** A compact axis label for milliseconds; uPlot hands null for ticks it leaves out on a log scale. */
export function axisMs(value: number | null): string {
  if (value == null) return '';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 1 ? String(Number(value.toFixed(2))) : value.toPrecision(2);
}

/**
 * Labels of a linear axis's ticks with as many decimals as their spacing needs (0.3001, 0.3002, ... must not
 * all read 0.30); blank for the ticks uPlot leaves out (null).
 */
export function linearTickLabels(values: readonly (number | null)[]): string[] {
  let step = Number.POSITIVE_INFINITY;
  let previous: number | null = null;
  for (const value of values) {
    if (value == null) continue;
    if (previous !== null && value - previous > 0) step = Math.min(step, value - previous);
    previous = value;
  }
  let decimals = Number.isFinite(step) ? Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)) : 2;
  // 0.25 apart needs 2 decimals, not 1: add decimals until the step itself is written exactly
  while (decimals < 6 && Math.abs(Number(step.toFixed(decimals)) - step) > step * 1e-6) decimals++;
  return values.map((value) => (value == null ? '' : value.toFixed(decimals)));
}

/** Draws the p50/p95/p99 markers: a dashed vertical line and its label each. */
export function drawMarks(u: uPlot, marks: ChartSpec['marks']): void {
  const ctx = u.ctx;
  const ratio = window.devicePixelRatio || 1;
  ctx.save();
  ctx.font = `${Math.round(11 * ratio)}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  marks.forEach((mark, i) => {
    const x = Math.round(u.valToPos(mark.value, 'x', true));
    if (x < u.bbox.left - 1 || x > u.bbox.left + u.bbox.width + 1) return;
    ctx.strokeStyle = '#202124';
    ctx.lineWidth = ratio;
    ctx.setLineDash([4 * ratio, 3 * ratio]);
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.fillStyle = '#202124';
    // stagger the labels so p95 and p99 stay readable when they sit close together; near the right edge
    // the label goes to the left of its line
    const text = ` ${mark.label} `;
    const right = x + ctx.measureText(text).width > u.bbox.left + u.bbox.width;
    ctx.textAlign = right ? 'right' : 'left';
    ctx.fillText(text, x, u.bbox.top + i * 13 * ratio);
  });
  ctx.restore();
}

/** uPlot options and data of a histogram chart. */
export function histogramChart(
  UPlot: typeof uPlot,
  spec: ChartSpec,
  width: number,
): { opts: uPlot.Options; data: uPlot.AlignedData } {
  const subject = spec.series[0] ?? { label: 'samples', role: 'subject' as const, samples: [] };
  const log = wantsLogScale(subject.samples);
  const bins = histogramBins(subject.samples, 40, log);
  const top = Math.max(1, ...bins.counts);
  const style = seriesStyle('subject');
  const bars = UPlot.paths.bars?.({ size: [0.92, Number.POSITIVE_INFINITY], align: 0 });
  return {
    data: [bins.centers, bins.counts],
    opts: {
      width,
      height: 220,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: log
          ? { time: false, distr: 3, log: 10, range: [bins.lo, bins.hi] }
          : { time: false, range: [bins.lo, bins.hi] },
        y: { range: [0, Math.ceil(top * 1.25)] },
      },
      axes: [
        {
          label: 'ms per call',
          values: (_u, values) => (log ? values.map(axisMs) : linearTickLabels(values)),
        },
        { label: 'samples', size: 44 },
      ],
      series: [
        {},
        {
          label: subject.label,
          stroke: style.stroke,
          fill: style.stroke,
          paths: bars,
          points: { show: false },
        },
      ],
      hooks: { draw: [(u) => drawMarks(u, spec.marks)] },
    },
  };
}

/** uPlot options and data of the cumulative-distribution chart (subject, floor, baseline run). */
export function ecdfChart(
  UPlot: typeof uPlot,
  spec: ChartSpec,
  width: number,
): { opts: uPlot.Options; data: uPlot.AlignedData } {
  const curves = ecdfOnGrid(spec.series.map((series) => series.samples));
  const log = wantsLogScale(curves.x);
  const stepped = UPlot.paths.stepped?.({ align: 1 });
  return {
    data: [curves.x, ...curves.y] as uPlot.AlignedData,
    opts: {
      width,
      height: 220,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      // a floor 20x below the subject (or a long tail) squeezes the curves against the axis on a linear scale
      scales: {
        x: wantsLogScale(curves.x) ? { time: false, distr: 3, log: 10 } : { time: false },
        y: { range: [0, 1] },
      },
      axes: [
        {
          label: 'ms per call',
          values: (_u, values) => (log ? values.map(axisMs) : linearTickLabels(values)),
        },
        { label: 'share at or below', size: 44 },
      ],
      series: [
        {},
        ...spec.series.map((series) => {
          const style = seriesStyle(series.role);
          return {
            label: series.label,
            stroke: style.stroke,
            dash: style.dash,
            width: 2,
            paths: stepped,
            points: { show: false },
          };
        }),
      ],
    },
  };
}

/** Draws every `[data-chart]` element's chart and redraws on resize; marks `<html data-charts="N">` when done. */
export function startReport(UPlot: typeof uPlot): void {
  const source = document.getElementById('kb-data');
  const data = JSON.parse(source?.textContent ?? '{"charts":[]}') as ReportData;
  const mounted: { el: HTMLElement; plot: uPlot }[] = [];
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-chart]'))) {
    const spec = data.charts[Number(el.dataset.chart)];
    if (!spec) continue;
    const width = Math.max(240, el.clientWidth);
    const built = spec.kind === 'hist' ? histogramChart(UPlot, spec, width) : ecdfChart(UPlot, spec, width);
    el.textContent = '';
    mounted.push({ el, plot: new UPlot(built.opts, built.data, el) });
  }
  if (typeof ResizeObserver === 'function') {
    const observer = new ResizeObserver(() => {
      for (const { el, plot } of mounted) {
        const width = Math.max(240, el.clientWidth);
        if (Math.abs(width - plot.width) > 2) plot.setSize({ width, height: plot.height });
      }
    });
    for (const { el } of mounted) observer.observe(el);
  }
  document.documentElement.dataset.charts = String(mounted.length);
}

/** The browser script: every function above, then the call that draws the charts. */
export function clientScript(): string {
  const parts = [
    histogramBins,
    wantsLogScale,
    ecdfOnGrid,
    seriesStyle,
    axisMs,
    linearTickLabels,
    drawMarks,
    histogramChart,
    ecdfChart,
    startReport,
  ];
  return `(function () {\n'use strict';\n${parts.map(String).join('\n')}\nstartReport(uPlot);\n})();`;
}
