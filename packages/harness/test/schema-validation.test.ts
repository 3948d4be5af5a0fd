import { readFile } from 'node:fs/promises';
import { beforeAll, expect, test } from 'vitest';
import { isSuiteResult, type SuiteResult, validateSuiteResult } from '../src/index';
import { sampleResult } from './_helpers';

let valid: SuiteResult;
beforeAll(async () => {
  valid = await sampleResult();
});

// biome-ignore lint/suspicious/noExplicitAny: tests mutate parsed JSON freely
const copy = (): Record<string, any> => JSON.parse(JSON.stringify(valid));

test('a real run result passes the schema, as JSON and in memory', () => {
  expect(validateSuiteResult(valid)).toEqual([]);
  expect(validateSuiteResult(copy())).toEqual([]);
  expect(isSuiteResult(valid)).toBe(true);
  expect(valid.benchmark_results.map((r) => r.status)).toEqual(['ok', 'skipped', 'failed']);
});

test('the shipped schema file is draft 2020-12 and names the seed fields', async () => {
  const schema = JSON.parse(await readFile(new URL('../schema.json', import.meta.url), 'utf8'));
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.required).toEqual(
    expect.arrayContaining(['suite_name', 'total_duration_seconds', 'timestamp', 'environment', 'metadata']),
  );
  expect(schema.$defs.okFields.required).toEqual(
    expect.arrayContaining(['latency_ms', 'throughput_ops_per_sec', 'resources', 'confidence_interval']),
  );
});

test('a missing field is rejected at its pointer', () => {
  const bad = copy();
  delete bad.benchmark_results[0].latency_ms.p95;
  expect(validateSuiteResult(bad)).toContainEqual({
    pointer: '/benchmark_results/0/latency_ms',
    message: "must have required property 'p95'",
  });
  const noEnv = copy();
  delete noEnv.environment;
  expect(validateSuiteResult(noEnv)[0]?.message).toBe("must have required property 'environment'");
});

test('a result whose fields do not match its status is rejected', () => {
  const failedWithoutReason = copy();
  delete failedWithoutReason.benchmark_results[2].reason;
  expect(validateSuiteResult(failedWithoutReason)).toContainEqual({
    pointer: '/benchmark_results/2',
    message: "must have required property 'reason'",
  });

  const okWithoutNumbers = copy();
  okWithoutNumbers.benchmark_results[1].status = 'ok';
  const issues = validateSuiteResult(okWithoutNumbers);
  expect(issues).toContainEqual({
    pointer: '/benchmark_results/1',
    message: "must have required property 'latency_ms'",
  });

  const unknownStatus = copy();
  unknownStatus.benchmark_results[0].status = 'passed';
  expect(validateSuiteResult(unknownStatus)[0]).toMatchObject({
    pointer: '/benchmark_results/0/status',
    message: 'must be equal to one of the allowed values: ["ok","skipped","failed"]',
  });
});

test('NaN-like values are rejected: a "NaN" string and a NaN number', () => {
  const nanString = copy();
  nanString.benchmark_results[0].latency_ms.p50 = 'NaN';
  expect(validateSuiteResult(nanString)).toContainEqual({
    pointer: '/benchmark_results/0/latency_ms/p50',
    message: 'must be number',
  });
  const nanNumber = copy();
  nanNumber.benchmark_results[0].samples_ms[0] = Number.NaN;
  expect(validateSuiteResult(nanNumber)[0]?.pointer).toBe('/benchmark_results/0/samples_ms/0');
  const infinite = copy();
  infinite.total_duration_seconds = Number.POSITIVE_INFINITY;
  expect(validateSuiteResult(infinite)[0]?.pointer).toBe('/total_duration_seconds');
});

test('timing mode, batch size and timestamps are checked', () => {
  const badMode = copy();
  badMode.benchmark_results[0].timing.mode = 'sampled';
  expect(validateSuiteResult(badMode)[0]?.pointer).toBe('/benchmark_results/0/timing/mode');
  const badBatch = copy();
  badBatch.benchmark_results[0].timing.batch_size = 0;
  expect(validateSuiteResult(badBatch)[0]?.pointer).toBe('/benchmark_results/0/timing/batch_size');
  const badTime = copy();
  badTime.timestamp = 'yesterday';
  expect(validateSuiteResult(badTime)[0]?.pointer).toBe('/timestamp');
});
