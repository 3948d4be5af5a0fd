import type { SuiteDefinition } from '@kaizen-bench/harness';
import { createMemorySuite, type MemoryWorkload } from '@kaizen-bench/suite-memory';
import { missingPgUrl } from '../_pg-internals';
import type { LanggraphSuiteOptions } from '../options';
import { createLanggraphMemorySubject, langgraphMemorySubjectName } from './subject';

/** Options of {@link createLanggraphMemorySuite}. */
export interface LanggraphMemorySuiteOptions extends LanggraphSuiteOptions {
  /** Session sizes and read sizes. @default the Memory suite's (10,000-turn warm session, read 10, ...) */
  workload?: MemoryWorkload;
}

/**
 * Suite 3 (Memory) on LangGraph's stores: Hot = InMemoryStore; Warm = PostgresStore at `options.pgUrl`
 * (backend `postgres`; `skipped` with the reason on the others); Cold `skipped`: LangGraph has no archive.
 */
export function createLanggraphMemorySuite(options: LanggraphMemorySuiteOptions): SuiteDefinition {
  if (options.backend === 'postgres' && !options.pgUrl) throw missingPgUrl('the langgraph-postgres subject');
  const suite = createMemorySuite({
    subject: () =>
      createLanggraphMemorySubject({
        backend: options.backend,
        ...(options.pgUrl ? { pgUrl: options.pgUrl } : {}),
      }),
    ...(options.workload ? { workload: options.workload } : {}),
  });
  return {
    ...suite,
    metadata: {
      ...suite.metadata,
      subject: langgraphMemorySubjectName(options.backend),
      backend: options.backend,
    },
  };
}
