export { RECOMMENDED_CHECKPOINT_CODEC } from './checkpoint/codec';
export {
  CheckpointCorruptError,
  CheckpointNotFoundError,
  CheckpointOptionsError,
  CheckpointSchemaVersionError,
} from './checkpoint/errors';
export { CHECKPOINT_FORMAT_VERSION } from './checkpoint/format';
export { CHECKPOINT_SCHEMA_VERSION } from './checkpoint/state';
export { CheckpointStore, DEFAULT_KEEP } from './checkpoint/store';
export type { CheckpointCodec } from './checkpoint/codec';
export type { AgentBudget, AgentMessage, AgentState, JsonValue, MemoryEntry } from './checkpoint/state';
export type {
  CheckpointInfo,
  CheckpointStoreOptions,
  CheckpointStoreStats,
  LoadedCheckpoint,
  LoadOptions,
  SaveOptions,
  SaveResult,
} from './checkpoint/store';
