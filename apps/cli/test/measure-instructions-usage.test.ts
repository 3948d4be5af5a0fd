// `--measure instructions` without valgrind, or with options it does not combine with: one line, exit 2,
// nothing run. And `doctor` says whether valgrind is there and how to install it.
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { startCli, tempDir } from './cli-helpers';

const suiteFile = resolve(import.meta.dirname, 'fixtures/instructions-suite.mjs');
// No valgrind on this PATH (the CLI itself is started by absolute path).
const noValgrind = { PATH: '/nonexistent' };

test('run --measure instructions without valgrind is a one-line error naming the install command', async () => {
  const out = tempDir();
  const run = await startCli(['run', '--suite-file', suiteFile, '--measure', 'instructions', '--out', out], {
    env: noValgrind,
  });
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(
    /--measure instructions: valgrind cannot be run \(valgrind: not found\): .*apt-get install valgrind/,
  );
  expect(run.stdout).toBe('');
});

test('run --measure instructions with --repeat is a usage error', async () => {
  const run = await startCli([
    'run',
    '--suite-file',
    suiteFile,
    '--measure',
    'instructions',
    '--repeat',
    '2',
    '--out',
    tempDir(),
  ]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    /--measure instructions repeats each benchmark in fresh processes itself.*drop --repeat/,
  );
});

test('doctor reports valgrind as optional, with the install command when it is missing', async () => {
  const run = await startCli(['doctor', '--out', tempDir(), '--ollama-host', 'http://127.0.0.1:9'], {
    env: noValgrind,
  });
  expect(run.stdout).toMatch(/^MISSING valgrind \(run --measure instructions\) \(optional\): not found/m);
  expect(run.stdout).toMatch(/fix: apt-get install valgrind/);
  expect(run.code).toBe(0);
});
