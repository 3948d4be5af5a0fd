import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { binPath, fixtureSuite, startCli, tempDir } from './cli-helpers';

const reportSuite = resolve(import.meta.dirname, 'fixtures/report-suite.mjs');
let runDir = '';
let otherSuiteDir = '';

/** The CLI in `cwd`, as a user in a project directory runs it. */
function cliIn(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [binPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
  });
}

beforeAll(async () => {
  const project = tempDir('kaizen-report-cmd-');
  runDir = join(project, 'benchmarks', 'results');
  const run = await startCli([
    'run',
    '--suite-file',
    reportSuite,
    '-n',
    '3',
    '-w',
    '0',
    '--no-monitor',
    '--out',
    runDir,
  ]);
  expect(run.code, run.stderr).toBe(0);
  otherSuiteDir = tempDir('kaizen-report-other-');
  const other = await startCli([
    'run',
    '--suite-file',
    fixtureSuite,
    '-n',
    '3',
    '-w',
    '0',
    '--no-monitor',
    '--out',
    otherSuiteDir,
  ]);
  expect(other.code, other.stderr).toBe(0);
}, 60_000);

describe('kaizen-bench report', () => {
  it('reads benchmarks/results by default and writes report.html there, printing its size', () => {
    const result = cliIn(resolve(runDir, '../..'), ['report']);
    const out = join(runDir, 'report.html');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`report: ${out} (${statSync(out).size} bytes)\n`);
    const html = readFileSync(out, 'utf8');
    for (const id of ['spin_a', 'spin_b', 'spin_c'])
      expect(html).toContain(`<tr data-benchmark="fixture_report/${id}">`);
    expect(html).not.toContain('id="comparison"');
  });

  it('takes a results file, and --out names the page (directories created)', () => {
    const file = join(runDir, 'fixture_report_results.json');
    const elsewhere = join(tempDir(), 'deep', 'r.html');
    expect(cliIn(runDir, ['report', file, '--out', elsewhere]).status).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
  });

  it('says in one line what is wrong: too many runs, a missing path, runs with no benchmark in common', () => {
    const three = cliIn(runDir, ['report', runDir, runDir, runDir]);
    expect(three.status).toBe(2);
    expect(three.stderr).toBe(
      'kaizen-bench: report takes one results directory, or two to compare (baseline, current); got 3\n',
    );
    const missing = cliIn(runDir, ['report', join(runDir, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`kaizen-bench: results not found: ${join(runDir, 'nope')}\n`);
    const empty = tempDir();
    mkdirSync(join(empty, 'benchmarks', 'results'), { recursive: true });
    const none = cliIn(empty, ['report']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(
      /^kaizen-bench: results directory benchmarks\/results holds no \*_results\.json file\n$/,
    );
    const disjoint = cliIn(runDir, ['report', runDir, otherSuiteDir, '--out', join(tempDir(), 'x.html')]);
    expect(disjoint.status).toBe(2);
    expect(disjoint.stderr).toMatch(/^kaizen-bench: baseline and current share no benchmark .*\n$/);
  });
});
