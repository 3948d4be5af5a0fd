import { join } from 'node:path';
import { readResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import { fixtureSuite, startCli, tempDir } from './cli-helpers';

describe('kaizen-bench run --target-ci', () => {
  it('samples each benchmark until its CI is within the target, and records what stopped it', async () => {
    const out = tempDir();
    // 2 ms spins vary by well under 20%: the CI target is met long before the 200-sample maximum.
    const run = await startCli([
      'run',
      '--suite-file',
      fixtureSuite,
      '--target-ci',
      '20',
      '--max-iterations',
      '200',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Spin A: \d+ samples, stopped by ci/);
    const result = await readResults(join(out, 'fixture_busy_results.json'));
    expect(result.config.target_ci_percent).toBe(20);
    for (const bench of result.benchmark_results) {
      if (bench.status !== 'ok') throw new Error(`${bench.id}: ${bench.reason}`);
      expect(bench.sampling).toMatchObject({ mode: 'target_ci', stopped_by: 'ci', max_iterations: 200 });
      expect(bench.iterations).toBeLessThan(200);
    }
  });
});
