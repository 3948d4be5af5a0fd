import { expect, test } from 'vitest';
import { RESULT_SCHEMA_VERSION, runSuite, validateSuiteResult } from '../src/index';
import { bench, fast, spin, suite } from './_helpers';

// biome-ignore lint/suspicious/noExplicitAny: tests mutate parsed JSON freely
type Json = Record<string, any>;

async function withBaseline(): Promise<Json> {
  const result = await runSuite(
    suite('versions', [
      bench('floored', {
        iterations: 12,
        warmup: 1,
        fn: () => spin(40_000),
        baseline: { name: 'floor', description: 'less work', fn: () => spin(20_000) },
      }),
    ]),
    { ...fast, targetCiPercent: 50 },
  );
  return JSON.parse(JSON.stringify(result));
}

test('a new file (version 2, baseline, overhead, sampling, diagnostics) passes the schema', async () => {
  const file = await withBaseline();
  expect(RESULT_SCHEMA_VERSION).toBe(2);
  expect(file.schema_version).toBe(2);
  expect(file.config.target_ci_percent).toBe(50);
  const [ok] = file.benchmark_results;
  expect(Object.keys(ok)).toEqual(
    expect.arrayContaining(['baseline', 'overhead', 'sampling', 'diagnostics']),
  );
  expect(validateSuiteResult(file)).toEqual([]);
});

test('a version 1 file (none of the new fields) is still valid', async () => {
  const file = await withBaseline();
  file.schema_version = 1;
  delete file.config.target_ci_percent;
  for (const r of file.benchmark_results) {
    for (const key of ['baseline', 'overhead', 'sampling', 'diagnostics']) delete r[key];
  }
  expect(validateSuiteResult(file)).toEqual([]);
});

test('malformed new fields are rejected at their pointer', async () => {
  const file = await withBaseline();
  file.schema_version = 3;
  delete file.benchmark_results[0].overhead.diff_ci;
  file.benchmark_results[0].diagnostics = [{ code: 'made_up', message: 'x' }];
  file.benchmark_results[0].sampling.stopped_by = 'luck';
  const pointers = validateSuiteResult(file).map((issue) => issue.pointer);
  expect(pointers).toEqual(
    expect.arrayContaining([
      '/schema_version',
      '/benchmark_results/0/overhead',
      '/benchmark_results/0/diagnostics/0/code',
      '/benchmark_results/0/sampling/stopped_by',
    ]),
  );
});
