import { beforeAll, expect, test } from 'vitest';
import { type SuiteResult, toMarkdown } from '../src/index';
import { sampleResult } from './_helpers';

let result: SuiteResult;
beforeAll(async () => {
  result = await sampleResult('export_suite');
});

test('toMarkdown gives a heading, the settings and one table row per benchmark', () => {
  const md = toMarkdown(result);
  const lines = md.trimEnd().split('\n');
  expect(lines[0]).toBe('## Suite export_suite (`export_suite`)');
  expect(md).toContain('seed 42 · profile default · stats sigma3/nearest-rank/normal 95%');
  const rows = lines.filter((l) => l.startsWith('| '));
  expect(rows).toHaveLength(4);
  const ok = result.benchmark_results[0];
  if (ok?.status !== 'ok') throw new Error('expected ok');
  expect(rows[1]).toMatch(
    /^\| ok one \| ok \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ ± [\d.e-]+ \| - \| [\d,.]+ \| 1 \/ 2 \| \w+ \| 12 \(.+\) \|$/,
  );
  // A pipe in a reason is escaped so the table keeps its columns.
  expect(rows[2]).toBe('| skipped one | skipped: needs \\| a pipe | - | - | - | - | - | - | - | - | - |');
  expect(rows[3]).toContain('failed: fn (warmup iteration 0) threw: Error: boom');
});

test('toMarkdown shows the floor p50 with the ratio, describes the floor and lists diagnostics', async () => {
  const { runSuite } = await import('../src/index');
  const { bench, fast, spin, suite } = await import('./_helpers');
  const floored = await runSuite(
    suite('floored', [
      bench('with_floor', {
        iterations: 12,
        warmup: 1,
        fn: () => spin(240_000),
        baseline: { name: 'a twelfth', description: 'one twelfth of the work', fn: () => spin(20_000) },
      }),
    ]),
    fast,
  );
  const md = toMarkdown(floored);
  const ok = floored.benchmark_results[0];
  if (ok?.status !== 'ok' || !ok.overhead) throw new Error('expected ok with overhead');
  const row = md.split('\n').find((l) => l.startsWith('| with floor |'));
  expect(row).toMatch(/ \| [\d.]+ \(x\d+(\.\d)?\) \| /);
  expect(md).toContain('- with floor floor, a twelfth: one twelfth of the work');
  // ~12x its floor: the far-above-floor diagnostic is listed.
  expect(ok.diagnostics?.map((d) => d.code)).toContain('far_above_floor');
  expect(md).toContain('- with floor: `far_above_floor` p50 is');
});
