import { expect, test } from 'vitest';
import { runSuite } from '../src/index';
import { bench, fast, suite } from './_helpers';

test('an iteration that never settles fails after the time budget; ctx.signal aborts; teardown runs', async () => {
  let signalAborted = false;
  let tornDown = false;
  const started = Date.now();
  const result = await runSuite(
    suite('isolation_timeout', [
      bench('hangs', {
        timeBudgetMs: 300,
        warmup: 1,
        iterations: 5,
        fn: (ctx) => {
          if (ctx.phase === 'warmup') return;
          ctx.signal.addEventListener('abort', () => {
            signalAborted = true;
          });
          return new Promise(() => {});
        },
        teardown: () => {
          tornDown = true;
        },
      }),
      bench('next', { fn: () => 1, iterations: 5 }),
    ]),
    fast,
  );
  const elapsed = Date.now() - started;
  const [hung, next] = result.benchmark_results;
  expect(hung?.status).toBe('failed');
  expect(hung?.status === 'failed' && hung.reason).toMatch(
    /^timed out after 300 ms: measure iteration 0 did not settle/,
  );
  expect(signalAborted).toBe(true);
  expect(tornDown).toBe(true);
  expect(next?.status).toBe('ok');
  expect(elapsed).toBeLessThan(5_000);
});

test('a setup that never settles times out the same way', async () => {
  const result = await runSuite(
    suite('isolation_setup_hang', [
      bench('setup_hangs', { timeBudgetMs: 200, setup: () => new Promise(() => {}), fn: () => 1 }),
    ]),
    fast,
  );
  const [hung] = result.benchmark_results;
  expect(hung?.status === 'failed' && hung.reason).toMatch(/^timed out after 200 ms: setup did not settle/);
});
