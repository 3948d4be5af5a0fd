import { join } from 'node:path';
import { readResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import { startCli, tempDir } from './cli-helpers';

describe('kaizen-bench run checkpoints', () => {
  it('runs the registered checkpoints suite by number and writes its results file', async () => {
    const out = tempDir();
    const run = await startCli(['run', '6', '--quick', '--out', out]);
    expect(run.code).toBe(0);
    for (const name of ['Save', 'Load', 'Compression'])
      expect(run.stdout).toMatch(new RegExp(`\\n${name}\\s`));
    const result = await readResults(join(out, 'suite6_checkpoints_results.json'));
    expect(result.suite_id).toBe('suite6_checkpoints');
    expect(result.config.profile).toBe('quick');
    expect(result.benchmark_results.map((b) => [b.id, b.status])).toEqual([
      ['checkpoint_save', 'ok'],
      ['checkpoint_load', 'ok'],
      ['checkpoint_compression', 'ok'],
    ]);
    for (const bench of result.benchmark_results) {
      if (bench.status !== 'ok') continue;
      expect(['excellent', 'good', 'needs_work']).toContain(bench.rating);
      expect(bench.resources?.samples).toBeGreaterThan(0);
    }
  });
});
