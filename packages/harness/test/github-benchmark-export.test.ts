import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, expect, test } from 'vitest';
import { HarnessError, runSuite, type SuiteResult, toGithubBenchmark } from '../src/index';
import { bench, fast, sampleResult, spin, suite } from './_helpers';

/**
 * github-action-benchmark's `customSmallerIsBetter` input as its README documents it: an array (non-empty:
 * the action rejects "No benchmark result was found") of { name, unit, value, range?, extra? }.
 */
const actionInputSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['name', 'unit', 'value'],
    properties: {
      name: { type: 'string', minLength: 1 },
      unit: { type: 'string', minLength: 1 },
      value: { type: 'number' },
      range: { type: 'string' },
      extra: { type: 'string' },
    },
    additionalProperties: false,
  },
};
const validate = new Ajv2020({ strict: true }).compile(actionInputSchema);

let results: SuiteResult[];
beforeAll(async () => {
  results = [
    await sampleResult('export_suite'),
    await runSuite(
      suite('mixed', [
        // Sub-microsecond: batched.
        bench('tiny', { fn: () => Math.sqrt(7) * 2, iterations: 20 }),
        bench('per_call', { fn: () => spin(30_000), iterations: 20, name: 'Per | call `x`' }),
      ]),
      fast,
    ),
  ];
});

test('the export of real runs is what the action accepts: one array for all suites, ok benchmarks only', () => {
  const entries = toGithubBenchmark(results);
  expect(validate(JSON.parse(JSON.stringify(entries)))).toBe(true);
  expect(entries.map((e) => e.name)).toEqual([
    'export_suite / ok_one (ok one)',
    'mixed / tiny (tiny)',
    "mixed / per_call (Per / call 'x')",
  ]);
  expect(results[1]?.benchmark_results[0]).toMatchObject({ timing: { mode: 'batched' } });
});

test('every value lies inside its own range, batched benchmarks included, and never prints an exponent', () => {
  for (const entry of toGithubBenchmark(results)) {
    const half = Number(entry.range.replace(/^± /, ''));
    expect(entry.range).not.toMatch(/e/);
    expect(Number.isFinite(half)).toBe(true);
    const result = results
      .flatMap((r) => r.benchmark_results)
      .find((b) => entry.name.includes(`/ ${b.id} (`));
    if (result?.status !== 'ok') throw new Error(`no ok result for ${entry.name}`);
    expect(entry.value).toBe(result.latency_ms.mean);
    // The CI of the mean, as stated in extra, lies within value ± half.
    expect(result.confidence_interval.lower).toBeGreaterThanOrEqual(entry.value - half * 1.01 - 1e-12);
    expect(result.confidence_interval.upper).toBeLessThanOrEqual(entry.value + half * 1.01 + 1e-12);
    expect(entry.extra).toMatch(
      /^value: mean of \d+ samples after outlier removal, ms; range: 95% CI of the mean\n/,
    );
  }
});

test('a suite whose benchmarks all failed or were skipped exports nothing (the caller must not write [])', async () => {
  const skipped = await runSuite(
    suite('all_skipped', [bench('s', { requires: () => 'not here', fn: () => 1 })]),
    fast,
  );
  expect(toGithubBenchmark(skipped)).toEqual([]);
  expect(validate([])).toBe(false);
});

test('two benchmarks with one display name in a suite are rejected before anything runs', async () => {
  const twins = suite('twins', [
    bench('a', { name: 'Same', fn: () => 1 }),
    bench('b', { name: 'Same', fn: () => 1 }),
  ]);
  await expect(runSuite(twins, fast)).rejects.toThrow(HarnessError);
  await expect(runSuite(twins, fast)).rejects.toThrow("suite 'twins': benchmark name 'Same' is used twice");
});
