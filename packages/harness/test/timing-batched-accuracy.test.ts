import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { asOk, bench, fast, median } from './_helpers';

test('a 1 µs busy-wait is timed in batches and reads its true per-call cost within 10%', async () => {
  // Reference: the spin reads the clock as it enters, so the gap between two consecutive entries is the
  // whole cost of one call (spin, call overhead, bookkeeping), measured independently of how the harness
  // groups calls. Its median skips the gaps that straddle two batches. A spin always lasts >= 1 µs.
  const ratios: number[] = [];
  for (let run = 0; run < 3; run++) {
    const gaps = new Float64Array(200 * 1024);
    let count = 0;
    let last = 0n;
    const def = bench('spin_1us', {
      iterations: 200,
      fn: (ctx) => {
        const start = process.hrtime.bigint();
        if (ctx.phase === 'measure' && last !== 0n && count < gaps.length)
          gaps[count++] = Number(start - last);
        last = start;
        while (process.hrtime.bigint() - start < 1000n) {
          // spin
        }
      },
    });
    const result = asOk(await runBenchmark(def, fast));
    expect(result.timing.mode).toBe('batched');
    expect(result.timing.batch_size).toBeGreaterThan(1);
    // Each sample spans at least 100 timer costs and 10 µs: k calls of a little over 1 µs.
    expect(result.timing.batch_size * 1000).toBeGreaterThanOrEqual(
      Math.max(100 * result.timing.timer_cost_ns, 10_000) * 0.7,
    );
    expect(result.latency_ms.min).toBeGreaterThanOrEqual(0.001);
    ratios.push((result.latency_ms.p50 * 1e6) / median(Array.from(gaps.subarray(0, count))));
  }
  expect(Math.abs(median(ratios) - 1)).toBeLessThan(0.1);
});
