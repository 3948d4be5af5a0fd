import { expect, test } from 'vitest';
import { type Reporter, runSuite } from '../src/index';
import { bench, fast, sleep, suite } from './_helpers';

test('reporter events arrive in order: suite start, per benchmark start/iterations/end, suite end', async () => {
  const events: string[] = [];
  const iterations: { id: string; phase: string; done: number; total: number; elapsedMs: number }[] = [];
  const reporter: Reporter = {
    onSuiteStart: ({ suite: s, benchmarkCount }) => events.push(`suite-start ${s.id} ${benchmarkCount}`),
    onBenchmarkStart: ({ benchmark, index }) => events.push(`start ${benchmark.id} ${index}`),
    onIteration: ({ benchmark, phase, done, total, elapsedMs }) => {
      if (events.at(-1) !== `iter ${benchmark.id}`) events.push(`iter ${benchmark.id}`);
      iterations.push({ id: benchmark.id, phase, done, total, elapsedMs });
    },
    onBenchmarkEnd: ({ result }) => events.push(`end ${result.id} ${result.status}`),
    onSuiteEnd: ({ result }) => events.push(`suite-end ${result.benchmark_results.length}`),
  };
  await runSuite(
    suite('events', [
      bench('slow', { fn: () => sleep(1), iterations: 5, warmup: 2 }),
      bench('tiny', { fn: () => Math.sqrt(2), iterations: 2000, warmup: 3 }),
      bench('skipped', { requires: () => 'not here', fn: () => 1 }),
    ]),
    { ...fast, reporter },
  );
  expect(events).toEqual([
    'suite-start events 3',
    'start slow 0',
    'iter slow',
    'end slow ok',
    'start tiny 1',
    'iter tiny',
    'end tiny ok',
    'start skipped 2',
    'end skipped skipped',
    'suite-end 3',
  ]);
  for (const id of ['slow', 'tiny']) {
    const own = iterations.filter((e) => e.id === id);
    const phases = own.map((e) => e.phase);
    // warmup events all come before measure events, and each phase ends with done === total
    expect(phases.lastIndexOf('warmup')).toBeLessThan(phases.indexOf('measure'));
    expect(own.at(-1)).toMatchObject({ phase: 'measure', done: own.at(-1)?.total });
    expect(own.find((e) => e.phase === 'warmup' && e.done === e.total)).toBeDefined();
    const elapsed = own.map((e) => e.elapsedMs);
    expect([...elapsed].sort((a, b) => a - b)).toEqual(elapsed);
  }
  // 2000 batched samples, but progress is throttled: a handful of events, not one per sample.
  expect(iterations.filter((e) => e.id === 'tiny' && e.phase === 'measure').length).toBeLessThan(20);
});
