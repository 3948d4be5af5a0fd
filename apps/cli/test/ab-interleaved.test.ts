import { join, resolve } from 'node:path';
import { type OkBenchmarkResult, readResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import { fixtureSuite, startCli, tempDir } from './cli-helpers';

/** This workspace: `apps/cli/dist/bin.js` under it is the build both sides run. */
const workspace = resolve(import.meta.dirname, '../../..');

interface CompareJson {
  benchmarks: Array<{
    benchmark_id: string;
    baseline_repetitions: number;
    current_repetitions: number;
    interleaved: boolean;
    comparison: { verdict: string; changePercent: number } | null;
  }>;
}

const ab = (out: string, extra: string[]) =>
  startCli(
    [
      'ab',
      workspace,
      workspace,
      '--suite-file',
      fixtureSuite,
      '--repeat',
      '4',
      '--iterations',
      '15',
      '--warmup',
      '2',
      '--out',
      out,
      '--format',
      'json',
      '--fail-on-regression',
      ...extra,
    ],
    { timeoutMs: 200_000 },
  );

describe('kaizen-bench ab', () => {
  it('A/A: the same build on both sides, alternated A B, B A, ..., gives no slower or faster verdict', async () => {
    const out = tempDir();
    const run = await ab(out, []);
    expect(run.code, run.stderr).toBe(0);
    const order = [...run.stderr.matchAll(/^\[([AB]) (\d)\/4\] fixture_busy: fresh process$/gm)].map(
      (m) => `${m[1]}${m[2]}`,
    );
    expect(order).toEqual(['A1', 'B1', 'B2', 'A2', 'A3', 'B3', 'B4', 'A4']);
    const json = JSON.parse(run.stdout) as CompareJson;
    expect(json.benchmarks).toHaveLength(3);
    for (const bench of json.benchmarks) {
      expect([bench.baseline_repetitions, bench.current_repetitions]).toEqual([4, 4]);
      expect(bench.interleaved).toBe(true);
      expect(['unchanged', 'inconclusive']).toContain(bench.comparison?.verdict);
    }
    for (const side of ['a', 'b']) {
      const merged = await readResults(join(out, side, 'fixture_busy_results.json'));
      expect(merged.config).toMatchObject({ repetitions: 4, complete: true });
      expect((merged.benchmark_results[0] as OkBenchmarkResult).repetitions).toHaveLength(4);
    }
  }, 240_000);

  it('a slowdown planted in B only (--env-b) is "slower" and fails the gate', async () => {
    const out = tempDir();
    const run = await ab(out, ['--env-b', 'FIXTURE_WORK_MS=3']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^regression: fixture_busy\//m);
    const json = JSON.parse(run.stdout) as CompareJson;
    // 2 ms -> 3 ms everywhere; a burst of noise on a shared VM may blur one of the three, never more.
    const verdicts = json.benchmarks.map((bench) => bench.comparison?.verdict);
    expect(verdicts.filter((verdict) => verdict === 'slower').length).toBeGreaterThanOrEqual(2);
    for (const bench of json.benchmarks) {
      expect(['slower', 'inconclusive']).toContain(bench.comparison?.verdict);
      expect(bench.comparison?.changePercent).toBeGreaterThan(30);
    }
  }, 240_000);

  it('names what it looked for when a build has no CLI, and rejects a bad --env-b', async () => {
    const empty = tempDir();
    const missing = await startCli([
      'ab',
      workspace,
      empty,
      '--suite-file',
      fixtureSuite,
      '--out',
      tempDir(),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /build B not found: none of .*apps\/cli\/dist\/bin\.js, .*node_modules\/@kaizen-bench\/cli\/dist\/bin\.js/,
    );
    const bad = await startCli(['ab', workspace, workspace, '--env-b', 'NOEQUALS', '--out', tempDir()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--env-b must be KEY=VALUE/);
  });
});
