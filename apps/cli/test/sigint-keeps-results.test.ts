import { join } from 'node:path';
import { readResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import { fixtureSuite, startCli, tempDir } from './cli-helpers';

describe('Ctrl-C during run', () => {
  it('stops after the current iteration, writes the finished benchmarks and exits 130', async () => {
    const out = tempDir();
    let sent = false;
    // 200 iterations x 20 ms = 4 s per benchmark: interrupt once the first one has finished.
    const run = await startCli(
      ['run', '--suite-file', fixtureSuite, '--iterations', '200', '--warmup', '0', '--out', out],
      {
        env: { FIXTURE_WORK_MS: '20' },
        onStderr: (text, child) => {
          if (!sent && /Spin A: ok/.test(text)) {
            sent = true;
            setTimeout(() => child.kill('SIGINT'), 300);
          }
        },
      },
    );
    expect(sent).toBe(true);
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/Interrupted \(SIGINT\): stopping after the current iteration/);
    const result = await readResults(join(out, 'fixture_busy_results.json'));
    expect(result.config.aborted).toBe(true);
    const first = result.benchmark_results[0];
    expect(first?.id).toBe('spin_a');
    expect(first?.status).toBe('ok');
    expect(result.benchmark_results.some((b) => b.id === 'spin_c' && b.status === 'ok')).toBe(false);
  });
});
