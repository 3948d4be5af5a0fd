import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { expect, test } from 'vitest';
import { mergeRepetitions, runSuite, type SuiteResult, validateSuiteResult } from '../src/index';
import { asOk, bench, fast, sleep, suite } from './_helpers';

// Linux pressure stall information: on kernels built without it there is nothing to read or check.
const hasPsi = existsSync('/proc/pressure/cpu') && existsSync('/proc/pressure/io');
if (!hasPsi) console.warn('machine-pressure: /proc/pressure is not available on this kernel; tests skipped');

const sleeper = suite('pressure', [bench('sleep', { iterations: 8, warmup: 0, fn: () => sleep(25) })]);

/** Spinning child processes, one more than the machine has CPUs: some task always waits for a CPU. */
async function withCpuHogs<T>(work: () => Promise<T>): Promise<T> {
  const hogs = Array.from({ length: availableParallelism() + 1 }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  try {
    await sleep(300);
    return await work();
  } finally {
    for (const hog of hogs) hog.kill('SIGKILL');
  }
}

test.skipIf(!hasPsi)('an ok result says how contended the machine was while it was measured', async () => {
  const loaded = asOk((await withCpuHogs(() => runSuite(sleeper, fast))).benchmark_results[0]);
  const pressure = loaded.machine_pressure;
  expect(pressure).toBeDefined();
  for (const share of Object.values(pressure ?? {})) {
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
  }
  // More runnable processes than CPUs for the whole span: tasks waited for a CPU most of the time.
  expect(pressure?.cpu_some).toBeGreaterThan(0.5);
});

test.skipIf(!hasPsi)('a merge keeps each repetition’s pressure and the highest share overall', async () => {
  const quiet = await runSuite(sleeper, fast);
  const busy = await withCpuHogs(() => runSuite(sleeper, fast));
  const merged: SuiteResult = mergeRepetitions([quiet, busy]);
  expect(validateSuiteResult(merged)).toEqual([]);
  const ok = asOk(merged.benchmark_results[0]);
  const perRepetition = [quiet, busy].map((r) => asOk(r.benchmark_results[0]).machine_pressure);
  expect(ok.repetitions?.map((rep) => rep.machine_pressure)).toEqual(perRepetition);
  expect(ok.machine_pressure?.cpu_some).toBe(
    Math.max(...perRepetition.map((p) => p?.cpu_some ?? Number.NaN)),
  );
  expect(ok.machine_pressure?.cpu_some).toBeGreaterThan(0.5);
});
