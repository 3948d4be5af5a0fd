import { expect, test } from 'vitest';
import { runBenchmark } from '../src/index';
import { asOk, bench, fast, spin } from './_helpers';

test('benchmark and baseline samples alternate A B, B A, ... in warmup and measure, hooks in order', async () => {
  const events: string[] = [];
  const result = asOk(
    await runBenchmark(
      bench('interleaved', {
        iterations: 6,
        warmup: 2,
        allowBatching: false,
        setup: () => {
          events.push('setup');
        },
        teardown: () => {
          events.push('teardown');
        },
        fn: (ctx) => {
          events.push(`A:${ctx.phase}`);
          spin(20_000);
        },
        baseline: {
          name: 'floor',
          description: 'half the work',
          allowBatching: false,
          setup: () => {
            events.push('baseline setup');
          },
          teardown: () => {
            events.push('baseline teardown');
          },
          fn: (ctx) => {
            events.push(`B:${ctx.phase}`);
            spin(10_000);
          },
        },
      }),
      fast,
    ),
  );
  const w = (arm: string) => `${arm}:warmup`;
  const m = (arm: string) => `${arm}:measure`;
  expect(events).toEqual([
    'setup',
    'baseline setup',
    w('A'),
    w('B'),
    w('B'),
    w('A'),
    m('A'),
    m('B'),
    m('B'),
    m('A'),
    m('A'),
    m('B'),
    m('B'),
    m('A'),
    m('A'),
    m('B'),
    m('B'),
    m('A'),
    'baseline teardown',
    'teardown',
  ]);
  expect(result.iterations).toBe(6);
  expect(result.baseline?.iterations).toBe(6);
  expect(result.baseline?.samples_ms).toHaveLength(6);
  expect(result.baseline?.name).toBe('floor');
  expect(result.baseline?.description).toBe('half the work');
  expect(result.baseline?.timing.mode).toBe('per_call');
});

test('a throwing baseline fails the benchmark with a reason naming it; teardowns still run', async () => {
  const events: string[] = [];
  const result = await runBenchmark(
    bench('bad_floor', {
      iterations: 3,
      warmup: 0,
      fn: () => spin(1000),
      teardown: () => {
        events.push('teardown');
      },
      baseline: {
        name: 'floor',
        description: 'throws',
        fn: () => {
          throw new Error('no disk');
        },
        teardown: () => {
          events.push('baseline teardown');
        },
      },
    }),
    fast,
  );
  expect(result.status).toBe('failed');
  expect(result.status === 'failed' && result.reason).toMatch(/^baseline fn \(.*\) threw: Error: no disk$/);
  expect(events).toEqual(['baseline teardown', 'teardown']);
});

test('a benchmark without a baseline has neither baseline nor overhead in its result', async () => {
  const result = asOk(
    await runBenchmark(bench('plain', { iterations: 3, warmup: 0, fn: () => spin(20_000) }), fast),
  );
  expect(result.baseline).toBeUndefined();
  expect(result.overhead).toBeUndefined();
  expect(result.sampling).toEqual({
    mode: 'fixed',
    stopped_by: 'iterations',
    target_ci_percent: null,
    max_iterations: 3,
  });
});
