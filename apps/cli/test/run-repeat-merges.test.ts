import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type OkBenchmarkResult, readResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import { fixtureSuite, startCli, tempDir } from './cli-helpers';

const secondSuite = resolve(import.meta.dirname, 'fixtures/busy-suite-two.mjs');

describe('run --repeat', () => {
  it('runs each repetition in a fresh process, interleaved across suites, and merges them per suite', async () => {
    const out = tempDir();
    const pids = join(tempDir(), 'pids.txt');
    const run = await startCli(
      [
        'run',
        '--suite-file',
        fixtureSuite,
        secondSuite,
        '--repeat',
        '3',
        '--iterations',
        '8',
        '--warmup',
        '1',
        '--out',
        out,
      ],
      { env: { FIXTURE_WORK_MS: '1', FIXTURE_PID_FILE: pids }, timeoutMs: 120_000 },
    );
    expect(run.code, run.stderr).toBe(0);

    // Repetition 1 of every suite, then repetition 2, ...
    const started = [...run.stderr.matchAll(/^\[rep (\d)\/3\] (\w+): fresh process$/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(started).toEqual([
      '1 fixture_busy',
      '1 fixture_busy_two',
      '2 fixture_busy',
      '2 fixture_busy_two',
      '3 fixture_busy',
      '3 fixture_busy_two',
    ]);
    expect(run.stderr).toMatch(/^\[rep 2\/3\] \[fixture_busy\] 1\/3 Spin A: ok/m);
    // Six children, each its own process (the parent also loaded the suite files to check them).
    const children = readFileSync(pids, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((pid) => pid !== run.pid);
    expect(new Set(children).size).toBe(6);

    for (const id of ['fixture_busy', 'fixture_busy_two']) {
      const merged = await readResults(join(out, `${id}_results.json`));
      expect(merged.config).toMatchObject({ repetitions: 3, complete: true, aborted: false });
      for (const bench of merged.benchmark_results) {
        const ok = bench as OkBenchmarkResult;
        expect(ok.status).toBe('ok');
        expect(ok.repetitions).toHaveLength(3);
        expect(ok.iterations).toBe(24);
        expect(ok.samples_ms).toEqual(ok.repetitions?.flatMap((rep) => rep.samples_ms));
        expect(ok.run_to_run_cv).toBeGreaterThanOrEqual(0);
      }
    }
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    // The table says how many repetitions each row merges.
    expect(run.stdout).toMatch(/runs \(cv\)/);
    expect(run.stdout).toMatch(/Spin A .* 3 \(\d+\.\d%\)/);
  }, 120_000);

  it('refuses --repeat 0 as a usage error', async () => {
    const run = await startCli(['run', '--suite-file', fixtureSuite, '--repeat', '0', '--out', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--repeat must be a whole number >= 1, got "0"/);
  });
});
