import { expect, test } from 'vitest';
import { rateLatency, runBenchmark } from '../src/index';
import { asOk, bench, fast, spin } from './_helpers';

test('rateLatency compares p50 with the excellent and target thresholds (strictly below)', () => {
  const target = { excellentMs: 10, targetMs: 20 };
  expect(rateLatency(9.99, target)).toBe('excellent');
  expect(rateLatency(10, target)).toBe('good');
  expect(rateLatency(19.99, target)).toBe('good');
  expect(rateLatency(20, target)).toBe('needs_work');
  expect(rateLatency(5, undefined)).toBe('unrated');
  expect(rateLatency(5, null)).toBe('unrated');
});

test('results carry the rating, or unrated with its reason', async () => {
  const rated = asOk(
    await runBenchmark(
      bench('rated', { fn: () => spin(200_000), target: { excellentMs: 50, targetMs: 100 } }),
      fast,
    ),
  );
  expect(rated.rating).toBe('excellent');
  expect(rated.target).toEqual({ excellentMs: 50, targetMs: 100 });
  expect(rated).not.toHaveProperty('rating_reason');

  const slow = asOk(
    await runBenchmark(
      bench('slow', {
        fn: () => spin(200_000),
        iterations: 10,
        target: { excellentMs: 0.01, targetMs: 0.05 },
      }),
      fast,
    ),
  );
  expect(slow.rating).toBe('needs_work');

  const untargeted = asOk(
    await runBenchmark(bench('untargeted', { fn: () => spin(200_000), iterations: 5 }), fast),
  );
  expect(untargeted).toMatchObject({
    rating: 'unrated',
    rating_reason: 'no target set for this benchmark',
    target: null,
  });

  const marked = asOk(
    await runBenchmark(
      bench('marked', {
        target: { excellentMs: 50, targetMs: 100 },
        setup: (ctx) => ctx.markUnrated('generated tiny model, not llama3.2:1b'),
        fn: () => spin(200_000),
        iterations: 5,
      }),
      fast,
    ),
  );
  expect(marked).toMatchObject({ rating: 'unrated', rating_reason: 'generated tiny model, not llama3.2:1b' });
});
