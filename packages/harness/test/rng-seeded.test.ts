import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { bench, fast } from './_helpers';

async function draws(id: string, seed?: number): Promise<number[]> {
  let values: number[] = [];
  await runBenchmark(
    bench(id, {
      setup: (ctx) => {
        values = Array.from({ length: 8 }, () => ctx.rng.next());
        expect(ctx.seed).toBe(seed ?? 42);
      },
      fn: () => 1,
      iterations: 1,
      warmup: 0,
    }),
    seed === undefined ? fast : { ...fast, seed },
  );
  return values;
}

test('ctx.rng gives the same sequence for the same seed and benchmark id', async () => {
  expect(await draws('workload')).toEqual(await draws('workload'));
  expect(await draws('workload', 7)).toEqual(await draws('workload', 7));
});

test('ctx.rng differs between benchmark ids and between seeds', async () => {
  const base = await draws('workload');
  expect(await draws('workload_b')).not.toEqual(base);
  expect(await draws('workload', 43)).not.toEqual(base);
  expect(new Set(base).size).toBe(8);
});
