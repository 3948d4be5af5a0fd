import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureSuite, startCli, tempDir } from './cli-helpers';

interface CompareJson {
  benchmarks: Array<{ benchmark_id: string; comparison: { verdict: string; changePercent: number } | null }>;
}

const runFixture = async (out: string, workMs: string) => {
  const run = await startCli(
    ['run', '--suite-file', fixtureSuite, '--iterations', '40', '--warmup', '3', '--out', out],
    {
      env: { FIXTURE_WORK_MS: workMs },
    },
  );
  expect(run.code).toBe(0);
};

describe('kaizen-bench compare', () => {
  it('calls a real 2 ms -> 5 ms slowdown "slower" and fails the gate; a rerun is not slower', async () => {
    const baseline = tempDir();
    const slowed = tempDir();
    const rerun = tempDir();
    await runFixture(baseline, '2');
    await runFixture(slowed, '5');
    await runFixture(rerun, '2');

    const regression = await startCli([
      'compare',
      baseline,
      slowed,
      '--format',
      'json',
      '--fail-on-regression',
    ]);
    expect(regression.code).toBe(1);
    const slowedJson = JSON.parse(regression.stdout) as CompareJson;
    // Every benchmark got 2.5x slower; a burst of noise on a shared VM may blur one of the three, never more.
    const verdicts = slowedJson.benchmarks.map((bench) => bench.comparison?.verdict);
    expect(verdicts.filter((verdict) => verdict === 'slower').length).toBeGreaterThanOrEqual(2);
    for (const bench of slowedJson.benchmarks) {
      expect(['slower', 'inconclusive']).toContain(bench.comparison?.verdict);
      expect(bench.comparison?.changePercent).toBeGreaterThan(50);
    }

    // Same work twice: within a 25% threshold on a noisy machine, never a significant slowdown.
    const same = await startCli([
      'compare',
      baseline,
      rerun,
      '--threshold',
      '25',
      '--format',
      'json',
      '--fail-on-regression',
    ]);
    expect(same.code).toBe(0);
    const sameJson = JSON.parse(same.stdout) as CompareJson;
    for (const bench of sameJson.benchmarks) expect(bench.comparison?.verdict).not.toBe('slower');

    const table = await startCli([
      'compare',
      join(baseline, 'fixture_busy_results.json'),
      join(slowed, 'fixture_busy_results.json'),
    ]);
    expect(table.code).toBe(0);
    // The table shows the same verdicts as the JSON, one row per benchmark.
    slowedJson.benchmarks.forEach((bench, i) => {
      const row = new RegExp(
        `fixture_busy / Spin ${'ABC'[i]} .*\\+\\d+\\.\\d% .*${bench.comparison?.verdict}`,
      );
      expect(table.stdout).toMatch(row);
    });
  });
});
