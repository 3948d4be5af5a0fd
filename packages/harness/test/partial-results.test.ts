import { expect, test } from 'vitest';
import { runSuite, type SuiteResult, validateSuiteResult } from '../src/index';
import { bench, fast, spin, suite } from './_helpers';

test('onPartialResult gets a valid, incomplete snapshot after each finished benchmark but the last', async () => {
  const snapshots: SuiteResult[] = [];
  const result = await runSuite(
    suite('partials', [
      bench('one', { iterations: 3, warmup: 0, fn: () => spin(20_000) }),
      bench('two', { iterations: 3, warmup: 0, fn: () => spin(20_000) }),
      bench('three', { iterations: 3, warmup: 0, fn: () => spin(20_000) }),
    ]),
    {
      ...fast,
      onPartialResult: (partial) => {
        snapshots.push(partial);
      },
    },
  );
  expect(snapshots.map((s) => s.benchmark_results.map((r) => r.id))).toEqual([['one'], ['one', 'two']]);
  for (const s of snapshots) {
    expect(s.config).toMatchObject({ complete: false, aborted: false });
    expect(validateSuiteResult(s)).toEqual([]);
  }
  expect(result.config).toMatchObject({ complete: true, aborted: false });
  expect(result.benchmark_results).toHaveLength(3);
});
