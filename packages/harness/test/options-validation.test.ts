import { expect, test } from 'vitest';
import { HarnessError, runBenchmark, runSuite } from '../src/index';
import { bench, fast, suite } from './_helpers';

async function harnessError(run: () => Promise<unknown>): Promise<HarnessError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof HarnessError) return error;
    throw error;
  }
  throw new Error('expected a HarnessError');
}

test('bad run options are rejected before anything runs, with the fix in the message', async () => {
  let ran = false;
  const s = suite('opts', [
    bench('a', {
      fn: () => {
        ran = true;
      },
    }),
  ]);
  const cases: [object, RegExp][] = [
    [{ iterations: 0 }, /iterations must be an integer >= 1, got 0: pass e.g. \{ iterations: 50 \}/],
    [{ iterations: 2.5 }, /iterations must be an integer >= 1/],
    [{ warmup: -1 }, /warmup must be an integer >= 0/],
    [{ seed: Number.NaN }, /seed must be an integer/],
    [{ profile: 'fast' }, /profile must be 'default' or 'quick'/],
    [{ monitorIntervalMs: 1 }, /monitorIntervalMs must be a number >= 10/],
    [{ stats: { outliers: 'iqr' } }, /^stats: /],
  ];
  for (const [options, message] of cases) {
    const error = await harnessError(() => runSuite(s, { ...fast, ...options }));
    expect(error.code).toBe('HARNESS_INVALID_OPTIONS');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  }
  expect(ran).toBe(false);
});

test('duplicate ids and bad definitions are rejected with their own codes', async () => {
  const duplicate = await harnessError(() =>
    runSuite(suite('dup', [bench('same', { fn: () => 1 }), bench('same', { fn: () => 2 })]), fast),
  );
  expect(duplicate.code).toBe('HARNESS_DUPLICATE_BENCHMARK_ID');
  expect(duplicate.message).toBe(
    "suite 'dup': benchmark id 'same' is used twice: give each benchmark its own id",
  );

  const badId = await harnessError(() => runBenchmark(bench('Not Snake', { fn: () => 1 }), fast));
  expect(badId.code).toBe('HARNESS_INVALID_BENCHMARK');
  expect(badId.message).toMatch(/id must be snake_case/);

  const badTarget = await harnessError(() =>
    runBenchmark(bench('t', { fn: () => 1, target: { excellentMs: 5, targetMs: 2 } }), fast),
  );
  expect(badTarget.message).toMatch(/0 < excellentMs <= targetMs/);

  const noFn = await harnessError(() =>
    runBenchmark({ id: 'x', name: 'x', description: 'x' } as never, fast),
  );
  expect(noFn.message).toBe("benchmark 'x': fn must be a function (the timed operation)");

  const badSuite = await harnessError(() => runSuite({ id: 'bad-id', name: 'x', benchmarks: [] }, fast));
  expect(badSuite.code).toBe('HARNESS_INVALID_SUITE');
});
