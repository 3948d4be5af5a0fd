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
export type {
  ChatMessage,
  ChatOptions,
  ChatResult,
  ChatTimings,
  FinishReason,
  LlmProvider,
  ProviderInfo,
} from './llm/types';
export type { GgufFile, GgufScalar, GgufTensor, GgufValue } from './llm/gguf-writer';
export type { EnsureTinyModelOptions, ResolvedTinyModelOptions, TinyModelOptions } from './llm/tiny-model';
export type { LlamaCppProviderOptions } from './llm/llama-cpp-provider';
export type { OllamaCheckResult, OllamaProviderOptions } from './llm/ollama-provider';
export type { ResolvedProvider, ResolveProviderOptions } from './llm/resolve-provider';
export {
  GGUF_DEFAULT_ALIGNMENT,
  GGUF_MAGIC,
  GGUF_VERSION,
  GgufValueType,
  serializeGguf,
} from './llm/gguf-writer';
export {
  createTinyModelBytes,
  ensureTinyModel,
  TINY_MODEL_CHAT_TEMPLATE,
  TINY_MODEL_NAME_PREFIX,
  tinyModelCacheKey,
  tinyModelVocabSize,
  writeTinyModel,
} from './llm/tiny-model';
export { LlamaCppProvider } from './llm/llama-cpp-provider';
export { DEFAULT_OLLAMA_HOST, DEFAULT_OLLAMA_MODEL, OllamaProvider } from './llm/ollama-provider';
export { resolveProvider } from './llm/resolve-provider';
export { defaultLlamaThreads } from './llm/threads';
export { isLlama32OneBGguf, isLlama32OneBOllamaTag, sameOllamaModel } from './llm/model-class';
export {
  LlmAbortError,
  LlmError,
  ModelFileError,
  OllamaModelMissingError,
  OllamaUnreachableError,
  ProviderClosedError,
  TokenOutOfRangeError,
} from './llm/errors';
