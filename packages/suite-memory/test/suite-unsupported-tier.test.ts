import type { SkippedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, it } from 'vitest';
import { createMemorySuite, type MemorySubject } from '../src/index';
import { createFakeSubject } from './_memory-fake';

const small = {
  hotSessionTurns: 50,
  hotReadTurns: 20,
  warmSessionTurns: 200,
  warmReadTurns: 10,
  coldSessionTurns: 30,
};

it('skips a tier the subject declares unsupported with its own reason, even if the operations exist', async () => {
  const made: Array<ReturnType<typeof createFakeSubject>> = [];
  const suite = createMemorySuite({
    subject: (): MemorySubject => {
      const fake = createFakeSubject({ without: ['warm'] });
      made.push(fake);
      return {
        ...fake.subject,
        unsupported: { cold: 'no archive call', warm: 'keeps nothing on disk' },
      };
    },
    workload: small,
  });
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  expect(result.benchmark_results.map((r) => r.status)).toEqual(['ok', 'skipped', 'skipped']);
  const [, warm, cold] = result.benchmark_results as SkippedBenchmarkResult[];
  expect(warm?.reason).toBe('fake subject: keeps nothing on disk');
  expect(cold?.reason).toBe('fake subject: no archive call');
  // The cold tier existed but was never called; every subject made was closed.
  expect(made.reduce((sum, fake) => sum + fake.calls.archive + fake.calls.restore, 0)).toBe(0);
  expect(made.map((fake) => fake.calls.close)).toEqual([1, 1, 1]);
});
