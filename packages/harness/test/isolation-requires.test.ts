import { expect, test } from 'vitest';
import { runSuite } from '../src/index';
import { bench, fast, suite } from './_helpers';

test('requires returning a reason skips the benchmark without setup, fn or teardown', async () => {
  const calls: string[] = [];
  const reason = 'Ollama not reachable at http://127.0.0.1:11434: start it with `ollama serve`';
  const result = await runSuite(
    suite('isolation_requires', [
      bench('needs_llm', {
        requires: async () => reason,
        setup: () => void calls.push('setup'),
        fn: () => void calls.push('fn'),
        teardown: () => void calls.push('teardown'),
      }),
      bench('available', { requires: () => true, fn: () => 1, iterations: 5 }),
      bench('requires_throws', {
        requires: () => {
          throw new Error('probe crashed');
        },
        fn: () => 1,
      }),
    ]),
    fast,
  );
  const [skipped, available, crashed] = result.benchmark_results;
  expect(skipped).toMatchObject({ id: 'needs_llm', status: 'skipped', reason });
  expect(skipped).not.toHaveProperty('latency_ms');
  expect(calls).toEqual([]);
  expect(available?.status).toBe('ok');
  expect(crashed?.status === 'failed' && crashed.reason).toBe('requires threw: Error: probe crashed');
});
