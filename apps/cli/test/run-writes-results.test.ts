import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import { fixtureSuite, startCli, tempDir } from './cli-helpers';

describe('kaizen-bench run', () => {
  it('runs a suite file, prints its table and writes a schema-valid results file', async () => {
    const out = tempDir();
    const run = await startCli([
      'run',
      '--suite-file',
      fixtureSuite,
      '--iterations',
      '12',
      '--warmup',
      '1',
      '--out',
      out,
    ]);
    expect(run.stderr).not.toMatch(/Error:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Fixture Busy \(fixture_busy\)/);
    expect(run.stdout).toMatch(/Spin A/);
    const file = join(out, 'fixture_busy_results.json');
    const result = await readResults(file);
    expect(result.benchmark_results.map((b) => [b.id, b.status])).toEqual([
      ['spin_a', 'ok'],
      ['spin_b', 'ok'],
      ['spin_c', 'ok'],
    ]);
    const first = result.benchmark_results[0];
    if (first?.status !== 'ok') throw new Error('expected ok');
    expect(first.iterations).toBe(12);
    expect(first.samples_ms).toHaveLength(12);
    // 2 ms of spinning per iteration: the median cannot be below it.
    expect(first.latency_ms.p50).toBeGreaterThanOrEqual(2);
    expect(result.config.seed).toBe(42);
    expect(readdirSync(out).sort()).toEqual(['fixture_busy_results.json', 'summary.json']);
  });

  it('exits 1 and still writes the file when a benchmark fails', async () => {
    const out = tempDir();
    const run = await startCli(['run', '--suite-file', fixtureSuite, '--quick', '--out', out], {
      env: { FIXTURE_FAIL: '1' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAILED Broken: .*fixture failure/);
    const result = await readResults(join(out, 'fixture_busy_results.json'));
    expect(result.benchmark_results.filter((b) => b.status === 'ok')).toHaveLength(3);
    expect(result.benchmark_results.find((b) => b.id === 'broken')?.status).toBe('failed');
  });

  it('prints JSON on stdout with --format json, progress staying on stderr', async () => {
    const out = tempDir();
    const run = await startCli([
      'run',
      '--suite-file',
      fixtureSuite,
      '--quick',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as Array<{ suite_id: string }>;
    expect(parsed.map((suite) => suite.suite_id)).toEqual(['fixture_busy']);
    expect(run.stderr).toMatch(/\[fixture_busy\] 1\/3 Spin A: started/);
  });

  it('--fail-on needs_work exits 1 when a benchmark misses its target', async () => {
    const out = tempDir();
    // 2 ms of work against a 1 ms "excellent" and 100 ms target is rated good; FIXTURE_WORK_MS=120 needs work.
    const run = await startCli(
      [
        'run',
        '--suite-file',
        fixtureSuite,
        '--iterations',
        '3',
        '--warmup',
        '0',
        '--out',
        out,
        '--fail-on',
        'needs_work',
      ],
      { env: { FIXTURE_WORK_MS: '120' } },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--fail-on needs_work: Spin A, Spin B, Spin C/);
    expect(existsSync(join(out, 'fixture_busy_results.json'))).toBe(true);
  });
});
