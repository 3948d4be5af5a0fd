import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { asOk, bench, fast, sleep } from './_helpers';

test('durations handed to ctx.reportDurationMs replace the harness timing verbatim', async () => {
  const reported = [12.5, 7.25, 9, 30.125, 8.5, 11, 10.75, 9.5];
  const result = asOk(
    await runBenchmark(
      bench('self_timed', {
        iterations: reported.length,
        warmup: 2,
        fn: async (ctx) => {
          await sleep(1);
          ctx.reportDurationMs(ctx.phase === 'warmup' ? 999 : (reported[ctx.iteration] as number));
        },
      }),
      fast,
    ),
  );
  expect(result.timing.mode).toBe('self_reported');
  expect(result.timing.batch_size).toBe(1);
  expect(result.samples_ms).toEqual(reported);
  expect(result.latency_ms.max).toBe(30.125);
  expect(result.metadata).not.toHaveProperty('self_reported_samples');
});

test('a bad reported duration fails the benchmark with the reason', async () => {
  const result = await runBenchmark(
    bench('bad_report', { fn: (ctx) => ctx.reportDurationMs(Number.NaN) }),
    fast,
  );
  expect(result.status).toBe('failed');
  expect(result.status === 'failed' && result.reason).toMatch(/reportDurationMs needs a finite number/);
});
