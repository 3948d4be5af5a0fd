import { expect, test } from 'vitest';
import {
  HarnessError,
  mergeRepetitions,
  runSuite,
  type SuiteResult,
  validateSuiteResult,
} from '../src/index';
import { asOk, bench, fast, spin, suite } from './_helpers';

let failing = false;
const definition = suite('partial_reps', [
  bench('steady', { iterations: 5, warmup: 0, fn: () => spin(20_000) }),
  bench('flaky', {
    iterations: 5,
    warmup: 0,
    fn: () => {
      if (failing) throw new Error('flaked');
      spin(20_000);
    },
  }),
]);

test('a benchmark that failed in one repetition is failed, naming the repetition', async () => {
  const reps: SuiteResult[] = [];
  for (const flake of [false, true, false]) {
    failing = flake;
    reps.push(await runSuite(definition, fast));
  }
  const merged = mergeRepetitions(reps);
  expect(asOk(merged.benchmark_results[0]).repetitions).toHaveLength(3);
  const flaky = merged.benchmark_results[1];
  expect(flaky?.status).toBe('failed');
  expect(flaky?.status === 'failed' && flaky.reason).toMatch(/^repetition 2 of 3: .*flaked/);
  expect(validateSuiteResult(JSON.parse(JSON.stringify(merged)))).toEqual([]);
});

test('a repetition stopped early contributes what it finished, and the merge is marked incomplete', async () => {
  failing = false;
  const full = await runSuite(definition, fast);
  const controller = new AbortController();
  const stopped = await runSuite(definition, {
    ...fast,
    signal: controller.signal,
    reporter: { onBenchmarkEnd: () => controller.abort() },
  });
  expect(stopped.benchmark_results.map((b) => b.id)).toEqual(['steady']);
  const merged = mergeRepetitions([full, stopped]);
  expect(merged.config).toMatchObject({ aborted: true, complete: false, repetitions: 2 });
  expect(asOk(merged.benchmark_results[0]).repetitions).toHaveLength(2);
  expect(asOk(merged.benchmark_results[1]).repetitions).toHaveLength(1);
});

test('results of different suites or settings are refused with HARNESS_MERGE_MISMATCH', async () => {
  failing = false;
  const a = await runSuite(definition, fast);
  const b = await runSuite(definition, { ...fast, seed: 7 });
  expect(() => mergeRepetitions([a, b])).toThrow(HarnessError);
  expect(() => mergeRepetitions([a, b])).toThrow(/config\.seed differs \(42 vs 7\)/);
  expect(() => mergeRepetitions([a, { ...a, suite_id: 'other' }])).toThrow(/suite_id differs/);
  expect(() => mergeRepetitions([])).toThrow(expect.objectContaining({ code: 'HARNESS_MERGE_MISMATCH' }));
  expect(() => mergeRepetitions([])).toThrow(/at least one suite result/);
});
