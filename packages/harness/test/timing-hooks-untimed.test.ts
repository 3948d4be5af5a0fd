import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { asOk, bench, fast, spin } from './_helpers';

test('beforeEach/afterEach run once per iteration, untimed, and keep a fast fn out of batched mode', async () => {
  let before = 0;
  let after = 0;
  const result = asOk(
    await runBenchmark(
      bench('hooked', {
        iterations: 15,
        warmup: 3,
        beforeEach: () => {
          before++;
          spin(2_000_000);
        },
        fn: () => spin(1_000),
        afterEach: async () => {
          after++;
          spin(2_000_000);
        },
      }),
      fast,
    ),
  );
  expect(before).toBe(18);
  expect(after).toBe(18);
  expect(result.timing.mode).toBe('per_call');
  expect(result.timing.batch_size).toBe(1);
  // The 4 ms of hooks per iteration are not in the samples: the 1 µs call is.
  expect(result.latency_ms.p50).toBeLessThan(0.5);
});

test('allowBatching: false keeps a fast fn per call', async () => {
  const result = asOk(
    await runBenchmark(
      bench('no_batch', { fn: () => spin(500), allowBatching: false, iterations: 20 }),
      fast,
    ),
  );
  expect(result.timing.mode).toBe('per_call');
});
