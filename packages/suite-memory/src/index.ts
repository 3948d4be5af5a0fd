export { createMemorySuite, MEMORY_SUITE_ID } from './suite';
export { createTieredMemorySubject, DEFAULT_PG_SCHEMA, TIERED_SUBJECT_NAME } from './tiered-subject';
export { buildTurns, DEFAULT_WORKLOAD } from './workload';

export type { MemorySuiteOptions } from './options';
export type { TieredMemorySubjectOptions } from './tiered-subject';
export type { MemoryWorkload, TurnRng } from './workload';
export type {
  MemoryArchiveFacts,
  MemoryColdTier,
  MemoryHotTier,
  MemorySubject,
  MemorySubjectSource,
  MemoryTurn,
  MemoryWarmTier,
} from './subject';
