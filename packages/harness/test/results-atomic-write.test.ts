import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { HarnessError, type SuiteResult, writeSuiteResults } from '../src/index';
import { sampleResult } from './_helpers';

let result: SuiteResult;
beforeAll(async () => {
  result = await sampleResult('atomic_suite');
});

test('writes <dir>/<suite_id>_results.json, creating the directory, leaving no temp file', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'harness-write-')), 'nested', 'results');
  const path = await writeSuiteResults(result, dir);
  expect(path).toBe(join(dir, 'atomic_suite_results.json'));
  expect(await readdir(dir)).toEqual(['atomic_suite_results.json']);
  expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(result)));
});

test('a result that cannot be serialised or fails the schema leaves the previous file intact', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'harness-write-'));
  const path = await writeSuiteResults(result, dir);
  const before = await readFile(path, 'utf8');

  const unserialisable = { ...result, metadata: { big: 10n } } as unknown as SuiteResult;
  await expect(writeSuiteResults(unserialisable, dir)).rejects.toMatchObject({
    code: 'HARNESS_SERIALIZE_FAILED',
  });
  const invalid = JSON.parse(JSON.stringify(result));
  invalid.benchmark_results[0].latency_ms.p50 = Number.NaN;
  const error = await writeSuiteResults(invalid, dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HarnessError);
  expect((error as HarnessError).code).toBe('HARNESS_INVALID_RESULT');
  expect((error as HarnessError).message).toMatch(
    /at \/benchmark_results\/0\/latency_ms\/p50: must be number/,
  );

  expect(await readFile(path, 'utf8')).toBe(before);
  expect(await readdir(dir)).toEqual(['atomic_suite_results.json']);
});

test('a reader racing repeated writes only ever sees a complete file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'harness-write-'));
  const big = { ...result, metadata: { padding: 'x'.repeat(2_000_000) } };
  const small = { ...result, metadata: { padding: 'y' } };
  await writeSuiteResults(small, dir);
  const path = join(dir, 'atomic_suite_results.json');
  let writing = true;
  let reads = 0;
  const reader = (async () => {
    while (writing) {
      const text = await readFile(path, 'utf8');
      const parsed = JSON.parse(text);
      expect(parsed.suite_id).toBe('atomic_suite');
      reads++;
    }
  })();
  for (let i = 0; i < 20; i++) await writeSuiteResults(i % 2 === 0 ? big : small, dir);
  writing = false;
  await reader;
  expect(reads).toBeGreaterThan(0);
  expect(await readdir(dir)).toEqual(['atomic_suite_results.json']);
});
