import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureSuite, startCli, tempDir } from './cli-helpers';

interface Entry {
  name: string;
  unit: string;
  value: number;
  range: string;
  extra: string;
}

describe('github-action-benchmark export', () => {
  it('run --github-benchmark writes one file for the run; export writes the same from the results directory', async () => {
    const out = tempDir();
    const fromRun = join(out, 'from-run.json');
    const run = await startCli([
      'run',
      '--suite-file',
      fixtureSuite,
      '--iterations',
      '5',
      '--warmup',
      '0',
      '--out',
      out,
      '--github-benchmark',
      fromRun,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/github-benchmark: 3 benchmarks written to /);
    const entries = JSON.parse(readFileSync(fromRun, 'utf8')) as Entry[];
    expect(entries.map((e) => e.name)).toEqual([
      'fixture_busy / spin_a (Spin A)',
      'fixture_busy / spin_b (Spin B)',
      'fixture_busy / spin_c (Spin C)',
    ]);
    for (const entry of entries) {
      expect(entry.unit).toBe('ms');
      expect(entry.value).toBeGreaterThanOrEqual(2); // 2 ms spins
      expect(entry.range).toMatch(/^± \d+(\.\d+)?$/);
    }

    const exported = join(out, 'exported.json');
    const exportRun = await startCli(['export', out, '--format', 'github-benchmark', '--out', exported]);
    expect(exportRun.code).toBe(0);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toEqual(entries);
  });

  it('nothing to export (every benchmark skipped) is a clear line, exit 1, and no file', async () => {
    const dir = tempDir();
    const suiteFile = join(dir, 'skipped-suite.mjs');
    writeFileSync(
      suiteFile,
      "export default { id: 'all_skipped', name: 'All Skipped', benchmarks: [{ id: 'x', name: 'X', description: 'needs a thing', requires: () => 'no thing here', fn: () => 1 }] };\n",
    );
    const file = join(dir, 'bench.json');
    const run = await startCli(['run', '--suite-file', suiteFile, '--out', dir, '--github-benchmark', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /github-benchmark export: no benchmark of this suite finished ok \(all failed or were skipped\), and github-action-benchmark rejects an empty file: .*bench\.json not written/,
    );
    expect(existsSync(file)).toBe(false);
  });
});
