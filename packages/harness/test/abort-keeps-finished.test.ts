import { expect, test } from 'vitest';
import { runSuite, validateSuiteResult } from '../src/index';
import { bench, fast, sleep, suite } from './_helpers';

test('aborting between iterations keeps finished results and leaves out the benchmark in progress', async () => {
  const controller = new AbortController();
  let lastRan = 0;
  const result = await runSuite(
    suite('abort_between', [
      bench('first', { fn: () => sleep(1), iterations: 5 }),
      bench('second', {
        iterations: 50,
        fn: async (ctx) => {
          await sleep(2);
          if (ctx.phase === 'measure' && ctx.iteration === 3) controller.abort();
        },
      }),
      bench('third', {
        fn: () => {
          lastRan++;
        },
      }),
    ]),
    { ...fast, signal: controller.signal },
  );
  expect(result.config.aborted).toBe(true);
  expect(result.config.complete).toBe(false);
  expect(result.benchmark_results.map((r) => [r.id, r.status])).toEqual([['first', 'ok']]);
  expect(lastRan).toBe(0);
  expect(validateSuiteResult(result)).toEqual([]);
});

test('aborting stops an iteration that is still pending', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const started = Date.now();
  const result = await runSuite(
    suite('abort_pending', [bench('hangs', { fn: () => new Promise(() => {}) })]),
    {
      ...fast,
      signal: controller.signal,
    },
  );
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(result.config.aborted).toBe(true);
  expect(result.benchmark_results).toEqual([]);
});

test('an already aborted signal runs nothing', async () => {
  let ran = false;
  const result = await runSuite(
    suite('abort_before', [
      bench('never', {
        fn: () => {
          ran = true;
        },
      }),
    ]),
    {
      ...fast,
      signal: AbortSignal.abort(),
    },
  );
  expect(ran).toBe(false);
  expect(result.config.aborted).toBe(true);
  expect(result.benchmark_results).toEqual([]);
});
