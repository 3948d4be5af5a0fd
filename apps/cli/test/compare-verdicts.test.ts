import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureSuite, startCli, tempDir } from './cli-helpers';

interface CompareJson {
  min_repetitions: number;
  benchmarks: Array<{
    benchmark_id: string;
    baseline_repetitions: number;
    current_repetitions: number;
    reason?: string;
    interleaved: boolean;
    comparison: {
      verdict: string;
      changePercent: number;
      unit: string;
      ratio: { value: number; lower: number; upper: number } | null;
    } | null;
  }>;
}

/** The busy fixture run `repeat` times (each repetition a fresh process), FIXTURE_WORK_MS ms per iteration. */
const runFixture = async (out: string, workMs: string, repeat: number) => {
  const run = await startCli(
    [
      'run',
      '--suite-file',
      fixtureSuite,
      '--iterations',
      '20',
      '--warmup',
      '2',
      '--repeat',
      String(repeat),
      '--out',
      out,
    ],
    { env: { FIXTURE_WORK_MS: workMs }, timeoutMs: 150_000 },
  );
  expect(run.code, run.stderr).toBe(0);
};

const compareJson = async (before: string, after: string, extra: string[] = []) => {
  const run = await startCli([
    'compare',
    before,
    after,
    '--format',
    'json',
    '--fail-on-regression',
    ...extra,
  ]);
  return { code: run.code, json: JSON.parse(run.stdout) as CompareJson, stderr: run.stderr };
};

describe('kaizen-bench compare over repetitions', () => {
  it('calls a real 2 ms -> 3 ms slowdown over 5 repetitions "slower" and fails the gate; a rerun is not', async () => {
    const baseline = tempDir();
    const slowed = tempDir();
    const rerun = tempDir();
    await runFixture(baseline, '2', 5);
    await runFixture(slowed, '3', 5);
    await runFixture(rerun, '2', 5);

    // The three runs did not overlap in time, and tests run beside others: the busy-machine check (its own
    // tests are in compare-repetitions-simulated) would blur the verdicts this test is about, so it is off.
    const regression = await compareJson(baseline, slowed, ['--max-cpu-pressure', '100']);
    expect(regression.code).toBe(1);
    expect(regression.stderr).toMatch(/^regression: fixture_busy\//m);
    // Every benchmark got 1.5x slower; a burst of noise on a shared VM may blur one of the three, never more.
    const verdicts = regression.json.benchmarks.map((bench) => bench.comparison?.verdict);
    expect(verdicts.filter((verdict) => verdict === 'slower').length).toBeGreaterThanOrEqual(2);
    for (const bench of regression.json.benchmarks) {
      expect([bench.baseline_repetitions, bench.current_repetitions]).toEqual([5, 5]);
      expect(bench.interleaved).toBe(false);
      expect(bench.comparison?.unit).toBe('repetition_p50');
      expect(['slower', 'inconclusive']).toContain(bench.comparison?.verdict);
      expect(bench.comparison?.changePercent).toBeGreaterThan(30);
      if (bench.comparison?.verdict === 'slower') expect(bench.comparison.ratio?.lower).toBeGreaterThan(1);
    }

    // With the check at 0%, any repetition that read some CPU pressure makes its benchmark inconclusive, with
    // the busy-machine reason; one that read none (or no PSI on this kernel) keeps its verdict.
    const strict = await compareJson(baseline, slowed, ['--max-cpu-pressure', '0']);
    const pressures = (dir: string) =>
      (
        JSON.parse(readFileSync(join(dir, 'fixture_busy_results.json'), 'utf8')) as {
          benchmark_results: Array<{ repetitions?: Array<{ machine_pressure?: { cpu_some: number } }> }>;
        }
      ).benchmark_results.map((bench) =>
        Math.max(0, ...(bench.repetitions ?? []).map((rep) => rep.machine_pressure?.cpu_some ?? 0)),
      );
    const [before, after] = [pressures(baseline), pressures(slowed)];
    strict.json.benchmarks.forEach((bench, i) => {
      const loose = regression.json.benchmarks[i];
      if ((before[i] ?? 0) > 0 || (after[i] ?? 0) > 0) {
        expect(['unchanged', 'inconclusive']).toContain(bench.comparison?.verdict);
        if (loose?.comparison?.verdict === 'slower') expect(bench.reason).toMatch(/busy machine/);
      } else {
        expect(bench.comparison?.verdict).toBe(loose?.comparison?.verdict);
      }
    });

    // Same work twice, at the default 5% threshold: never slower or faster.
    const same = await compareJson(baseline, rerun, ['--max-cpu-pressure', '100']);
    expect(same.code).toBe(0);
    for (const bench of same.json.benchmarks) {
      expect(['unchanged', 'inconclusive']).toContain(bench.comparison?.verdict);
    }

    const table = await startCli([
      'compare',
      join(baseline, 'fixture_busy_results.json'),
      join(slowed, 'fixture_busy_results.json'),
      '--max-cpu-pressure',
      '100',
    ]);
    expect(table.code).toBe(0);
    // The table shows the same verdicts as the JSON, one row per benchmark, with the repetition counts.
    regression.json.benchmarks.forEach((bench, i) => {
      const row = new RegExp(
        `fixture_busy / Spin ${'ABC'[i]} +5/5 .*\\+\\d+\\.\\d% .*${bench.comparison?.verdict}`,
      );
      expect(table.stdout).toMatch(row);
    });
    expect(table.stdout).toMatch(
      /the unit is the repetition .*Mann-Whitney U and bootstrap ratio CI over them/,
    );
    // Two separate runs: the table says a change of the machine between them would count as a change.
    expect(table.stdout).toMatch(
      /^note: the two sides ran one after the other, not interleaved: .*kaizen-bench ab/m,
    );
  }, 300_000);

  it('a single run per side is inconclusive with the reason, even for a 50% slowdown; the gate stays open', async () => {
    const before = tempDir();
    const after = tempDir();
    await runFixture(before, '2', 1);
    await runFixture(after, '3', 1);
    const result = await compareJson(before, after);
    expect(result.code).toBe(0);
    expect(result.json.min_repetitions).toBe(4);
    for (const bench of result.json.benchmarks) {
      expect(bench.comparison?.verdict).toBe('inconclusive');
      expect([bench.baseline_repetitions, bench.current_repetitions]).toEqual([1, 1]);
      expect(bench.reason).toBe(
        '1 repetition per side cannot separate a change from run-to-run noise: use --repeat 5 (at least 4 per side)',
      );
      expect(bench.comparison?.ratio).toBeNull();
    }
    const table = await startCli(['compare', before, after]);
    expect(table.stdout).toMatch(
      /^inconclusive \(all 3 benchmarks\): 1 repetition per side cannot separate a change from run-to-run noise: use --repeat 5/m,
    );
    expect(table.stdout).toMatch(/^verdict: no significant change - 3 inconclusive$/m);
  }, 120_000);
});
