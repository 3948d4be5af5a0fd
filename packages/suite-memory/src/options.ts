import type { MemorySubjectSource } from './subject';
import { createTieredMemorySubject } from './tiered-subject';
import { DEFAULT_WORKLOAD, type MemoryWorkload } from './workload';

export interface MemorySuiteOptions {
  /**
   * What to benchmark.
   * @default a fresh `createTieredMemorySubject({ pgUrl })` per benchmark: SQLite in a temp directory, or
   * PostgreSQL when `pgUrl` is given
   */
  subject?: MemorySubjectSource;
  /**
   * PostgreSQL URL for the default subject's warm tier and archive (the CLI's `--pg-url`, or
   * `KAIZEN_BENCH_PG_URL`). Ignored with a custom `subject`.
   * @default none: SQLite
   */
  pgUrl?: string;
  /** Session sizes and read sizes. @default 1000-turn hot session read 100, 10,000-turn warm session read 10, 1000-turn cold session */
  workload?: MemoryWorkload;
}

export interface ResolvedMemorySuiteOptions {
  subject: MemorySubjectSource;
  customSubject: boolean;
  /** `sqlite` or `postgres` for the default subject; undefined for a custom one. */
  backend: 'sqlite' | 'postgres' | undefined;
  workload: Required<MemoryWorkload>;
}

export function resolveMemorySuiteOptions(options: MemorySuiteOptions = {}): ResolvedMemorySuiteOptions {
  const workload = { ...DEFAULT_WORKLOAD, ...options.workload };
  for (const [key, value] of Object.entries(workload)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`createMemorySuite: workload.${key} must be an integer >= 1, got ${value}`);
    }
  }
  if (
    workload.hotReadTurns > workload.hotSessionTurns ||
    workload.warmReadTurns > workload.warmSessionTurns
  ) {
    throw new RangeError('createMemorySuite: a read cannot ask for more turns than its session has');
  }
  const { pgUrl } = options;
  return {
    subject: options.subject ?? (() => createTieredMemorySubject(pgUrl ? { pgUrl } : {})),
    customSubject: options.subject !== undefined,
    backend: options.subject !== undefined ? undefined : pgUrl ? 'postgres' : 'sqlite',
    workload,
  };
}
