import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { asOk, bench, fast } from './_helpers';

function counted(iterations?: number, warmup?: number) {
  const calls = { warmup: 0, measure: 0 };
  const def = bench('counted', {
    iterations,
    warmup,
    allowBatching: false,
    fn: (ctx) => {
      calls[ctx.phase as 'warmup' | 'measure']++;
    },
  });
  return { def, calls };
}

test('defaults are 50 measured iterations after 5 warmup', async () => {
  const { def, calls } = counted();
  const result = asOk(await runBenchmark(def, fast));
  expect(calls).toEqual({ warmup: 5, measure: 50 });
  expect(result.iterations).toBe(50);
  expect(result.warmup_iterations).toBe(5);
});

test('the quick profile caps at 10 measured and 1 warmup iteration', async () => {
  const { def, calls } = counted(100, 10);
  const result = asOk(await runBenchmark(def, { ...fast, profile: 'quick' }));
  expect(calls).toEqual({ warmup: 1, measure: 10 });
  expect(result.iterations).toBe(10);
});

test('explicit iterations/warmup overrides win over the profile and the definition', async () => {
  const { def, calls } = counted(100, 10);
  await runBenchmark(def, { ...fast, profile: 'quick', iterations: 3, warmup: 0 });
  expect(calls).toEqual({ warmup: 0, measure: 3 });
});
