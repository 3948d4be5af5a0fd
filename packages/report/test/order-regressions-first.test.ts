import { describe, expect, it } from 'vitest';
import { orderRegressionsFirst, type ReportComparison } from '../src/index';

const row = (id: string, verdict: string | null, changePercent = 0): ReportComparison => ({
  suite_id: 's',
  benchmark_id: id,
  name: id,
  baseline_repetitions: 5,
  current_repetitions: 5,
  comparison: verdict
    ? {
        baselineMedian: 1,
        currentMedian: 1 + changePercent / 100,
        changePercent,
        pValue: 0.01,
        verdict: verdict as 'slower',
      }
    : null,
});

describe('orderRegressionsFirst', () => {
  it('puts slower first (largest slowdown first), then inconclusive, faster, unchanged, not compared', () => {
    const rows = [
      row('unchanged', 'unchanged', 1),
      row('not_compared', null),
      row('faster', 'faster', -30),
      row('slower_small', 'slower', 8),
      row('inconclusive', 'inconclusive', 40),
      row('slower_big', 'slower', 60),
    ];
    expect(orderRegressionsFirst(rows).map((r) => r.benchmark_id)).toEqual([
      'slower_big',
      'slower_small',
      'inconclusive',
      'faster',
      'unchanged',
      'not_compared',
    ]);
    expect(rows[0]?.benchmark_id).toBe('unchanged');
  });
});
