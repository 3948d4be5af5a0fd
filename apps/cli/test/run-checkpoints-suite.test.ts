import { join } from 'node:path';
import { readResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import { startCli, tempDir } from './cli-helpers';

describe('kaizen-bench run checkpoints', () => {
  it('runs the registered checkpoints suite by number and writes its results file', async () => {
    const out = tempDir();
    const run = await startCli(['run', '6', '--quick', '--out', out]);
    expect(run.code).toBe(0);
    // Each row shows its floor's p50 and the ratio to it; each floor is described under the table.
    expect(run.stdout).toContain('floor (xN)');
    for (const name of ['Save', 'Load', 'Compression']) {
      expect(run.stdout).toMatch(new RegExp(`\\n${name}\\s.* x\\d+\\.\\d\\s`));
      expect(run.stdout).toMatch(new RegExp(`\\n${name} floor \\(raw `));
    }
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
      expect(bench.overhead?.ratio_p50).toBeGreaterThan(0);
    }
  });
});
