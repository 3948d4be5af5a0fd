import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { ResultsFileError, readResults, type SuiteResult, writeSuiteResults } from '../src/index';
import { sampleResult } from './_helpers';

let dir: string;
let result: SuiteResult;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-read-'));
  result = await sampleResult('read_suite');
});

async function readError(path: string): Promise<ResultsFileError> {
  try {
    await readResults(path);
  } catch (error) {
    if (error instanceof ResultsFileError) return error;
    throw error;
  }
  throw new Error('expected a ResultsFileError');
}

test('a written file reads back equal', async () => {
  const path = await writeSuiteResults(result, dir);
  expect(path).toBe(join(dir, 'read_suite_results.json'));
  expect(await readResults(path)).toEqual(JSON.parse(JSON.stringify(result)));
});

test('a missing file', async () => {
  const path = join(dir, 'nope_results.json');
  const error = await readError(path);
  expect(error.code).toBe('RESULTS_NOT_FOUND');
  expect(error.path).toBe(path);
  expect(error.message).toBe(`results file not found: ${path} (run the suite first, or check the path)`);
});

test('a file that is not JSON', async () => {
  const path = join(dir, 'garbage.json');
  await writeFile(path, '{ "suite_name": ');
  const error = await readError(path);
  expect(error.code).toBe('RESULTS_NOT_JSON');
  expect(error.message).toMatch(
    new RegExp(`^${path} is not valid JSON \\(.+\\): is it a kaizen-bench results file\\?$`),
  );
  expect(error.message).not.toContain('\n');
});

test('a JSON file that fails the schema names the pointer', async () => {
  const path = join(dir, 'invalid.json');
  const bad = JSON.parse(JSON.stringify(result));
  bad.benchmark_results[0].latency_ms.p99 = 'NaN';
  await writeFile(path, JSON.stringify(bad));
  const error = await readError(path);
  expect(error.code).toBe('RESULTS_INVALID');
  expect(error.message).toBe(
    `${path} fails the results schema at /benchmark_results/0/latency_ms/p99: must be number`,
  );
});

test('a directory is unreadable, not missing', async () => {
  const error = await readError(dir);
  expect(error.code).toBe('RESULTS_UNREADABLE');
  expect(error.message).toBe(`cannot read results file ${dir}: EISDIR`);
});
