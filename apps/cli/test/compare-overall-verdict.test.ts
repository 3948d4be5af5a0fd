import { expect, test } from 'vitest';
import { type BenchmarkComparison, overallVerdict } from '../src/commands/compare';

const pair = (id: string, verdict: string | null): BenchmarkComparison =>
  ({
    suite_id: 's',
    benchmark_id: id,
    name: id,
    baseline_p50: 1,
    current_p50: 1,
    comparison: verdict === null ? null : { verdict },
  }) as unknown as BenchmarkComparison;

test('the verdict line leads with slower, then faster, and counts the rest', () => {
  expect(overallVerdict([pair('a', 'unchanged'), pair('b', 'unchanged')])).toBe(
    'verdict: no significant change - 2 unchanged',
  );
  expect(
    overallVerdict([pair('a', 'slower'), pair('b', 'faster'), pair('c', 'inconclusive'), pair('d', null)]),
  ).toBe('verdict: slower - 1 slower (s/a), 1 faster (s/b), 1 inconclusive, 1 not comparable');
  expect(overallVerdict([pair('a', 'faster'), pair('b', 'unchanged')])).toBe(
    'verdict: faster - 1 faster (s/a), 1 unchanged',
  );
});
