import type { SuiteDefinition } from '@kaizen-bench/harness';
import { defineSuite } from '@kaizen-bench/harness';
import { createColdTierBenchmark } from './benchmarks/cold-tier';
import { createHotTierBenchmark } from './benchmarks/hot-tier';
import { createWarmTierBenchmark } from './benchmarks/warm-tier';
import { type MemorySuiteOptions, resolveMemorySuiteOptions } from './options';
import { TIERED_SUBJECT_NAME } from './tiered-subject';

/** Result id and file stem of this suite. */
export const MEMORY_SUITE_ID = 'suite3_memory';

/**
 * Suite 3, Memory: `memory_hot_tier` (Hot Tier), `memory_warm_tier` (Warm Tier, next to the same SELECT on
 * the same handle) and `memory_cold_tier` (Cold Tier), timed on the given subject or on the tiered memory of
 * `@kaizen-bench/agent` (SQLite in a temp directory, or PostgreSQL with `pgUrl`).
 *
 * @example
 * const result = await runSuite(createMemorySuite({ pgUrl: process.env.KAIZEN_BENCH_PG_URL }), { profile: 'quick' });
 */
export function createMemorySuite(options: MemorySuiteOptions = {}): SuiteDefinition {
  const resolved = resolveMemorySuiteOptions(options);
  const subject = resolved.subject;
  return defineSuite({
    id: MEMORY_SUITE_ID,
    name: 'Memory',
    benchmarks: [
      createHotTierBenchmark(resolved),
      createWarmTierBenchmark(resolved),
      createColdTierBenchmark(resolved),
    ],
    metadata: {
      subject: !resolved.customSubject
        ? TIERED_SUBJECT_NAME
        : typeof subject === 'function'
          ? 'custom (factory)'
          : subject.name,
      backend: resolved.backend ?? 'custom',
      workload: { ...resolved.workload },
    },
  });
}
