import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { asOk, bench, fast, spin } from './_helpers';

// A sub-microsecond op: one warmup call (quick profile) or none is its slow first call, not its cost.
const tiny = () => bench('tiny', { fn: () => Math.sqrt(2) * 3 });

test('the quick profile still batches a sub-microsecond op', async () => {
  const result = asOk(await runBenchmark(tiny(), { ...fast, profile: 'quick' }));
  expect(result.timing.mode).toBe('batched');
  expect(result.timing.batch_size).toBeGreaterThan(1);
  expect(result.warmup_iterations).toBe(1);
});

test('warmup 0 still batches a sub-microsecond op', async () => {
  const result = asOk(await runBenchmark(tiny(), { ...fast, warmup: 0, iterations: 5 }));
  expect(result.timing.mode).toBe('batched');
  expect(result.latency_ms.p50).toBeLessThan(0.01);
});

test('a slow op gets two probe calls at most: with warmup 0 it runs its measured iterations plus two', async () => {
  let calls = 0;
  const slow = bench('slow', {
    fn: () => {
      calls++;
      spin(300_000);
    },
  });
  const result = asOk(await runBenchmark(slow, { ...fast, warmup: 0, iterations: 4 }));
  expect(result.timing.mode).toBe('per_call');
  // Two calls decide (both far above the batching threshold; one alone could be a preempted fast op),
  // then the 4 measured ones.
  expect(calls).toBe(6);
});

test('slow first calls (cold code, a busy machine) do not hide a sub-microsecond op from batching', async () => {
  let calls = 0;
  const result = asOk(
    await runBenchmark(
      bench('cold_start_then_fast', {
        fn: () => {
          // The first three calls cost 50 µs each, as a preempted or not-yet-compiled op might.
          if (calls++ < 3) spin(50_000);
          return Math.sqrt(calls);
        },
      }),
      { ...fast, profile: 'quick' },
    ),
  );
  expect(result.timing.mode).toBe('batched');
  expect(result.latency_ms.p50).toBeLessThan(0.01);
});
