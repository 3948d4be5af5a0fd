import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { startCli, tempDir } from './cli-helpers';

const lifecycleSuite = resolve(import.meta.dirname, 'fixtures/lifecycle-suite.mjs');
const resultsFile = (dir: string) => join(dir, 'fixture_lifecycle_results.json');
const run = (out: string, record: string, onStderr?: (text: string, child: ChildProcess) => void) =>
  startCli(['run', '--suite-file', lifecycleSuite, '--out', out], {
    env: { FIXTURE_RECORD: record, FIXTURE_WORK_MS: '5' },
    ...(onStderr ? { onStderr } : {}),
  });

/** Sends `signal` once, when `pattern` first appears in the progress output. */
function signalOn(pattern: RegExp, signal: NodeJS.Signals) {
  let sent = false;
  return {
    get sent() {
      return sent;
    },
    onStderr: (text: string, child: ChildProcess) => {
      if (!sent && pattern.test(text)) {
        sent = true;
        child.kill(signal);
      }
    },
  };
}

function createdDirs(record: string): string[] {
  return existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter(Boolean) : [];
}

describe('results under signals', () => {
  it('Ctrl-C before any benchmark finished leaves an earlier complete file untouched (and no temp dir)', async () => {
    const out = tempDir();
    const record = join(tempDir(), 'dirs.txt');
    const first = await run(out, record);
    expect(first.code).toBe(0);
    const before = readFileSync(resultsFile(out), 'utf8');
    expect(JSON.parse(before).config.complete).toBe(true);

    // The signal lands while Step A's setup is still waiting: its directory is created after the abort.
    const trigger = signalOn(/Step A: started/, 'SIGINT');
    const second = await run(out, record, trigger.onStderr);
    expect(trigger.sent).toBe(true);
    expect(second.code).toBe(130);
    expect(readFileSync(resultsFile(out), 'utf8')).toBe(before);
    // Every directory a setup made was removed by its teardown, the interrupted one included.
    expect(createdDirs(record).length).toBeGreaterThanOrEqual(4);
    for (const dir of createdDirs(record)) expect(existsSync(dir), dir).toBe(false);
  });

  it('SIGTERM keeps the finished benchmarks, marked incomplete, and exits 143', async () => {
    const out = tempDir();
    const record = join(tempDir(), 'dirs.txt');
    const trigger = signalOn(/Step B: started/, 'SIGTERM');
    const result = await run(out, record, trigger.onStderr);
    expect(trigger.sent).toBe(true);
    expect(result.code).toBe(143);
    expect(result.stderr).toMatch(/Interrupted \(SIGTERM\)/);
    const file = await readResults(resultsFile(out));
    expect(file.benchmark_results.map((b) => [b.id, b.status])).toEqual([['step_a', 'ok']]);
    expect(file.config).toMatchObject({ aborted: true, complete: false });
    for (const dir of createdDirs(record)) expect(existsSync(dir), dir).toBe(false);
  });

  it('SIGKILL after a benchmark finished still leaves it on disk, in a valid file; the next run cleans up', async () => {
    const out = tempDir();
    const record = join(tempDir(), 'dirs.txt');
    // "Step B: started" is printed after Step A's results were written.
    const trigger = signalOn(/Step B: started/, 'SIGKILL');
    const killed = await run(out, record, trigger.onStderr);
    expect(killed.signal).toBe('SIGKILL');
    const file = await readResults(resultsFile(out));
    expect(file.benchmark_results.map((b) => b.id)).toEqual(['step_a']);
    expect(file.config.complete).toBe(false);

    // A temp file as a writer killed mid-write leaves it (its pid is gone): the next run removes it.
    const stale = join(out, `.fixture_lifecycle_results.json.${killed.pid}.0badc0de.tmp`);
    writeFileSync(stale, '');
    const again = await run(out, record);
    expect(again.code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(out).sort()).toEqual(['fixture_lifecycle_results.json', 'summary.json']);
    expect((await readResults(resultsFile(out))).config.complete).toBe(true);
  });

  it('SIGKILL at the moment results are being written never leaves a broken file', async () => {
    const out = tempDir();
    const record = join(tempDir(), 'dirs.txt');
    expect((await run(out, record)).code).toBe(0);
    for (let attempt = 0; attempt < 4; attempt++) {
      // "Step A: ok" is printed just before the write of the snapshot starts.
      const trigger = signalOn(/Step A: ok/, 'SIGKILL');
      await run(out, record, trigger.onStderr);
      const file = await readResults(resultsFile(out));
      expect(file.benchmark_results.length).toBeGreaterThanOrEqual(1);
    }
  });
});
