import type { SkippedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createToolCallingSuite } from '../src/index';
import { createMemorySubject } from './_memory-subject';

test('a benchmark the subject declares unsupported is skipped with its reason, even though the operation exists', async () => {
  const { subject, calls } = createMemorySubject();
  const lacking = { ...subject, unsupported: { permission_check: 'the framework has no permission layer' } };
  const result = await runSuite(createToolCallingSuite({ subject: () => lacking }), {
    iterations: 3,
    warmup: 0,
    monitor: false,
  });
  const [permission, approval, execution] = result.benchmark_results;
  expect(permission?.status).toBe('skipped');
  expect((permission as SkippedBenchmarkResult).reason).toBe(
    'subject memory subject does not offer it: the framework has no permission layer',
  );
  expect(approval?.status).toBe('ok');
  expect(execution?.status).toBe('ok');
  // The skipped benchmark never set the subject up; the other two did.
  expect(calls.prepare).toBe(2);
}, 60_000);
