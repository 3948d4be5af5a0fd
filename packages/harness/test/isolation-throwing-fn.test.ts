import { expect, test } from 'vitest';
import { runSuite } from '../src/index';
import { bench, fast, suite } from './_helpers';

test('a throwing fn fails its benchmark with the reason; teardown runs; the suite goes on', async () => {
  const calls: string[] = [];
  const result = await runSuite(
    suite('isolation_fn', [
      bench('throws', {
        iterations: 5,
        warmup: 1,
        allowBatching: false,
        setup: () => void calls.push('setup'),
        fn: (ctx) => {
          if (ctx.phase === 'measure' && ctx.iteration === 2) throw new TypeError('bad input\nsecond line');
        },
        teardown: () => void calls.push('teardown'),
      }),
      bench('after', { fn: () => calls.push('after'), iterations: 3, warmup: 0, allowBatching: false }),
    ]),
    fast,
  );
  const [failed, after] = result.benchmark_results;
  expect(failed?.status).toBe('failed');
  expect(failed?.status === 'failed' && failed.reason).toBe(
    'fn (measure iteration 2) threw: TypeError: bad input second line',
  );
  expect(after?.status).toBe('ok');
  expect(calls).toEqual(['setup', 'teardown', 'after', 'after', 'after']);
  expect(result.config.aborted).toBe(false);
});

test('a rejected promise from an async fn is a failure too', async () => {
  const result = await runSuite(
    suite('isolation_async', [
      bench('rejects', {
        fn: async () => {
          throw new Error('async boom');
        },
      }),
    ]),
    fast,
  );
  const [failed] = result.benchmark_results;
  expect(failed?.status === 'failed' && failed.reason).toBe(
    'fn (warmup iteration 0) threw: Error: async boom',
  );
});
