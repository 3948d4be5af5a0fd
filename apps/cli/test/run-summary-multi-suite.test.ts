import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureSuite, startCli, tempDir } from './cli-helpers';

const lifecycleSuite = resolve(import.meta.dirname, 'fixtures/lifecycle-suite.mjs');

describe('run summary', () => {
  it('after several suites: one table of every benchmark, counts by rating, and summary.json listing the suite files', async () => {
    const out = tempDir();
    const run = await startCli(
      [
        'run',
        '--suite-file',
        fixtureSuite,
        lifecycleSuite,
        '--iterations',
        '3',
        '--warmup',
        '0',
        '--out',
        out,
      ],
      { env: { FIXTURE_SETUP_MS: '0' } },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Run summary - \d+\.\d s/);
    expect(run.stdout).toMatch(/\d+ excellent, \d+ good, \d+ needs_work, \d+ unrated, 0 skipped, 0 failed/);
    for (const name of ['Spin A', 'Spin C', 'Step A', 'Step C'])
      expect(run.stdout).toMatch(new RegExp(`\\n\\w+ +${name} `));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.suites.map((s: { file: string }) => s.file)).toEqual([
      'fixture_busy_results.json',
      'fixture_lifecycle_results.json',
    ]);
    const total = Object.values(summary.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(6);
    expect(summary.aborted).toBe(false);
  });

  it('compare of two run directories ends with one verdict line', async () => {
    const [a, b] = [tempDir(), tempDir()];
    for (const out of [a, b]) {
      expect(
        (
          await startCli([
            'run',
            '--suite-file',
            fixtureSuite,
            '--iterations',
            '12',
            '--warmup',
            '1',
            '--out',
            out,
          ])
        ).code,
      ).toBe(0);
    }
    const compare = await startCli(['compare', a, b]);
    expect(compare.code).toBe(0);
    expect(compare.stdout.trim().split('\n').at(-1)).toMatch(
      /^verdict: (no significant change|slower|faster) - /,
    );
  });
});
