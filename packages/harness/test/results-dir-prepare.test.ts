import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { HarnessError, prepareResultsDir, writeSuiteResults } from '../src/index';
import { sampleResult } from './_helpers';

test('a directory that cannot be created fails at once with one line, instead of looping (Node 20 under /proc)', async () => {
  const started = Date.now();
  const error = await prepareResultsDir('/proc/kaizen-bench-unwritable/deeper').catch((e: unknown) => e);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(error).toBeInstanceOf(HarnessError);
  expect((error as HarnessError).code).toBe('HARNESS_WRITE_FAILED');
  expect((error as Error).message).toMatch(
    /^results directory \/proc\/kaizen-bench-unwritable\/deeper cannot be created or written \(ENOENT\): choose a writable directory$/,
  );
});

test('a path through a regular file is refused; a missing nested directory is created', async () => {
  const root = mkdtempSync(join(tmpdir(), 'kaizen-prepare-'));
  writeFileSync(join(root, 'file'), 'x');
  await expect(prepareResultsDir(join(root, 'file', 'sub'))).rejects.toThrow(
    /cannot be created or written \(ENOTDIR\)/,
  );
  const nested = join(root, 'a', 'b', 'c');
  expect(await prepareResultsDir(nested)).toBe(nested);
  expect(readdirSync(nested)).toEqual([]);
});

test("temp files of writers that died are removed by the next write; a live writer's are kept", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-stale-'));
  // A pid that has surely exited: a child that ran and was reaped.
  const deadPid = spawnSync(process.execPath, ['-e', '0']).pid as number;
  const stale = join(dir, `.s_results.json.${deadPid}.deadbeef.tmp`);
  const live = join(dir, `.s_results.json.${process.ppid}.cafe0123.tmp`);
  const unrelated = join(dir, 'notes.tmp');
  for (const file of [stale, live, unrelated]) writeFileSync(file, '');
  await writeSuiteResults(await sampleResult('stale_suite'), dir);
  expect(existsSync(stale)).toBe(false);
  expect(existsSync(live)).toBe(true);
  expect(existsSync(unrelated)).toBe(true);
  expect(existsSync(join(dir, 'stale_suite_results.json'))).toBe(true);
});
