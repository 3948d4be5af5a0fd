export { CHECKPOINTS_SUITE_ID, createCheckpointsSuite } from './suite';
export { buildAgentState, DEFAULT_MEMORY_ENTRIES, DEFAULT_MESSAGES } from './build-agent-state';
export { createStoreSubject, STORE_SUBJECT_NAME } from './store-subject';
export { GROWTH_MESSAGES_PER_SAVE } from './benchmarks/_write-amplification';

export type { AgentStateSize, StateRng } from './build-agent-state';
export type { CheckpointsSuiteOptions } from './options';
export type { StoreSubjectOptions } from './store-subject';
export type {
  CheckpointSaveFacts,
  CheckpointsBenchmarkKey,
  CheckpointsSubject,
  CheckpointsSubjectSource,
} from './subject';
export type { AgentState } from '@kaizen-bench/agent';
