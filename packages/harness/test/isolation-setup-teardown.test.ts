import { expect, test } from 'vitest';
import { runSuite } from '../src/index';
import { bench, fast, suite } from './_helpers';

test('a throwing setup fails the benchmark without running fn, and teardown still runs', async () => {
  let fnCalls = 0;
  let teardowns = 0;
  const result = await runSuite(
    suite('isolation_setup', [
      bench('bad_setup', {
        setup: async () => {
          throw new Error('database missing');
        },
        fn: () => {
          fnCalls++;
        },
        teardown: () => {
          teardowns++;
        },
      }),
      bench('fine', { fn: () => 1, iterations: 5 }),
    ]),
    fast,
  );
  expect(fnCalls).toBe(0);
  expect(teardowns).toBe(1);
  const [failed, fine] = result.benchmark_results;
  expect(failed?.status === 'failed' && failed.reason).toBe('setup threw: Error: database missing');
  expect(fine?.status).toBe('ok');
});

test('a throwing teardown keeps the measured result and records the error in metadata', async () => {
  const result = await runSuite(
    suite('isolation_teardown', [
      bench('bad_teardown', {
        fn: () => 1,
        iterations: 5,
        teardown: () => {
          throw new Error('close failed');
        },
      }),
    ]),
    fast,
  );
  const [only] = result.benchmark_results;
  expect(only?.status).toBe('ok');
  expect(only?.metadata['teardown_error']).toBe('teardown threw: Error: close failed');
});
