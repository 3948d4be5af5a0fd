import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type OkBenchmarkResult, readResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import { fixtureSuite, startCli, tempDir } from './cli-helpers';

const resultsFile = (dir: string) => join(dir, 'fixture_busy_results.json');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (polling, up to `limitMs`) until `pid` has exited; returns whether it did. */
async function exits(pid: number, limitMs: number): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

const childPids = (file: string, parent: number) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => pid !== parent);

describe('run --repeat under signals', () => {
  it('SIGTERM stops the repetition in progress, keeps what finished, merged, and exits 143', async () => {
    const out = tempDir();
    const pids = join(tempDir(), 'pids.txt');
    let sent = false;
    const run = await startCli(
      [
        'run',
        '--suite-file',
        fixtureSuite,
        '--repeat',
        '4',
        '--iterations',
        '30',
        '--warmup',
        '0',
        '--out',
        out,
      ],
      {
        env: { FIXTURE_WORK_MS: '10', FIXTURE_PID_FILE: pids },
        timeoutMs: 120_000,
        // Repetition 2 has finished Spin A and is in Spin B.
        onStderr: (text, child) => {
          if (!sent && /\[rep 2\/4\] \[fixture_busy\] 2\/3 Spin B: started/.test(text)) {
            sent = true;
            child.kill('SIGTERM');
          }
        },
      },
    );
    expect(sent).toBe(true);
    expect(run.code, run.stderr).toBe(143);
    expect(run.stderr).toMatch(/Interrupted \(SIGTERM\): stopping the repetition in progress/);
    // The child got the signal too: it stopped after its current iteration like a plain run.
    expect(run.stderr).toMatch(/\[rep 2\/4\] \nInterrupted \(SIGTERM\)|\[rep 2\/4\] Interrupted \(SIGTERM\)/);
    expect(run.stderr).not.toMatch(/\[rep 3\/4\]/);

    const merged = await readResults(resultsFile(out));
    expect(merged.config).toMatchObject({ repetitions: 2, aborted: true, complete: false });
    const [spinA, ...rest] = merged.benchmark_results as OkBenchmarkResult[];
    expect(spinA?.repetitions).toHaveLength(2);
    // Spin B of repetition 2 was in progress: only repetition 1's is kept; Spin C likewise.
    for (const bench of rest) expect(bench.repetitions).toHaveLength(1);
    for (const pid of childPids(pids, run.pid)) expect(isAlive(pid)).toBe(false);
  }, 120_000);

  it('a SIGKILLed parent takes its repetition with it: the child stops on its own', async () => {
    const out = tempDir();
    const pids = join(tempDir(), 'pids.txt');
    let killed = false;
    const run = await startCli(
      [
        'run',
        '--suite-file',
        fixtureSuite,
        '--repeat',
        '3',
        '--iterations',
        '400',
        '--warmup',
        '0',
        '--out',
        out,
      ],
      {
        env: { FIXTURE_WORK_MS: '10', FIXTURE_PID_FILE: pids },
        timeoutMs: 120_000,
        onStderr: (text, child) => {
          if (!killed && /\[rep 1\/3\] \[fixture_busy\] 1\/3 Spin A: started/.test(text)) {
            killed = true;
            child.kill('SIGKILL');
          }
        },
      },
    );
    expect(run.signal).toBe('SIGKILL');
    const [child] = childPids(pids, run.pid);
    expect(child).toBeDefined();
    // 400 x 10 ms would take 4 s per benchmark: it stops after its current iteration instead.
    expect(await exits(child as number, 30_000)).toBe(true);
    expect(existsSync(resultsFile(out))).toBe(false);
  }, 120_000);
});
