import type { OkBenchmarkResult, SuiteResult } from '@kaizen-bench/harness';
import { beforeAll, describe, expect, it } from 'vitest';
import * as client from '../src/_client';
import { clientScript } from '../src/_client';
import { type ReportError, type ReportComparison, renderReport } from '../src/index';
import { runTinySuite } from './_tiny-run';

let suite: SuiteResult;
let html: string;

beforeAll(async () => {
  suite = await runTinySuite();
  html = renderReport({ runs: [{ label: 'tiny', suites: [suite] }], generatedAt: new Date(0) });
});

const embedded = (page: string) =>
  JSON.parse(/<script type="application\/json" id="kb-data">(.*?)<\/script>/s.exec(page)?.[1] ?? 'null') as {
    charts: { kind: string; series: { role: string; samples: number[] }[]; marks: { value: number }[] }[];
  };

describe('renderReport of a real run', () => {
  it('has one table row and one section per benchmark, failed and skipped ones with their reason', () => {
    for (const bench of suite.benchmark_results) {
      expect(html).toContain(`<tr data-benchmark="report_tiny/${bench.id}">`);
      expect(html).toContain(`id="b-report_tiny-${bench.id}"`);
    }
    expect(html).toContain('planted failure');
    expect(html).toContain('prerequisite missing on purpose');
  });

  it('escapes names and descriptions: markup in results stays text', () => {
    expect(html).not.toContain('<script>window.injected');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;window.injected = 1&lt;/script&gt;');
    expect(html).toContain('Spin &lt;b&gt;markup&lt;/b&gt;');
    expect(html).toContain('Report &lt;Tiny&gt;');
  });

  it('is self-contained: no external stylesheet, script, image or font, and a policy that forbids any', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<(link|img|iframe)\b/i);
    expect(html).not.toMatch(/<script[^>]+\bsrc=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    // uPlot is inlined: its global is defined in the page
    expect(html).toMatch(/var uPlot=function/);
  });

  it('embeds two charts per ok benchmark: the histogram with p50/p95/p99, and the ECDF beside the floor', () => {
    const ok = suite.benchmark_results.filter((b): b is OkBenchmarkResult => b.status === 'ok');
    const data = embedded(html);
    expect(data.charts).toHaveLength(2 * ok.length);
    expect(html.match(/data-chart="\d+"/g)).toHaveLength(data.charts.length);
    const withFloor = ok.find((b) => b.id === 'spin_floor') as OkBenchmarkResult;
    const [hist, ecdf] = data.charts;
    expect(hist?.kind).toBe('hist');
    expect(hist?.marks.map((m) => m.value)).toEqual([
      withFloor.latency_ms.p50,
      withFloor.latency_ms.p95,
      withFloor.latency_ms.p99,
    ]);
    expect(hist?.series[0]?.samples).toEqual(withFloor.samples_ms.map((v) => Number(v.toPrecision(5))));
    expect(ecdf?.series.map((s) => s.role)).toEqual(['subject', 'floor']);
    expect(ecdf?.series[1]?.samples).toHaveLength(withFloor.baseline?.samples_ms.length ?? -1);
  });

  it('shows the run header: date, machine, Node, settings and seed', () => {
    expect(html).toContain(`<dt>Node</dt><dd>${process.version}</dd>`);
    expect(html).toContain('<dt>Seed</dt><dd>7</dd>');
    expect(html).toMatch(/<dt>Settings<\/dt><dd>profile default · iterations 15 · warmup 1/);
    expect(html).toContain(suite.environment.cpu.brand);
  });

  it('keeps anchors unique when a run holds the same suite twice (e.g. once per subject)', () => {
    const twice = renderReport({ runs: [{ label: 'x', suites: [suite, suite] }] });
    const ids = [...twice.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(twice).toContain('href="#s-report_tiny-2"');
  });

  it('ships a browser script that parses and defines every function of the client module', () => {
    const script = clientScript();
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('startReport(uPlot)');
    const names = Object.entries(client)
      .filter(([name, value]) => typeof value === 'function' && name !== 'clientScript')
      .map(([name]) => name);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(script).toContain(`function ${name}(`);
  });
});

describe('renderReport of two runs', () => {
  const row = (id: string, verdict: 'slower' | 'unchanged', changePercent: number): ReportComparison => ({
    suite_id: 'report_tiny',
    benchmark_id: id,
    name: id,
    baseline_repetitions: 4,
    current_repetitions: 4,
    comparison: { baselineMedian: 1, currentMedian: 1, changePercent, pValue: 0.029, verdict, ratio: null },
  });

  it('puts the comparison first, regressions at the top, and draws the baseline run in the ECDF', () => {
    const page = renderReport({
      runs: [
        { label: 'before', suites: [suite] },
        { label: 'after', suites: [suite] },
      ],
      comparison: [row('spin_floor', 'unchanged', 1), row('spin_markup', 'slower', 40)],
      threshold: 0.05,
    });
    const rows = [...page.matchAll(/<tr data-benchmark="([^"]+)" data-verdict="(\w+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(['report_tiny/spin_markup', 'report_tiny/spin_floor']);
    expect(page.indexOf('id="comparison"')).toBeLessThan(page.indexOf('id="s-report_tiny"'));
    expect(page).toContain('Changes within 5% count as unchanged.');
    expect(embedded(page).charts[1]?.series.map((s) => s.role)).toEqual(['subject', 'floor', 'before']);
  });

  it('refuses two runs without a comparison, and a run without suites, with one-line errors', () => {
    const run = { label: 'x', suites: [suite] };
    expect(() => renderReport({ runs: [run, run] })).toThrow(
      expect.objectContaining({ code: 'REPORT_BAD_INPUT' }) as ReportError,
    );
    expect(() => renderReport({ runs: [{ label: 'empty', suites: [] }] })).toThrow(/holds no suite results/);
  });
});
