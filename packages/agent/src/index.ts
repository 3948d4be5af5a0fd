// ---- Agent: the runtime loop (model, tools, memory, budget, abort) with lazily initialized parts.
export { createAgent, DEFAULT_SESSION_ID } from './agent/create-agent';
export { DEFAULT_HISTORY_TURNS, DEFAULT_MAX_STEPS, DEFAULT_SYSTEM_PROMPT } from './agent/config';
export { defineTool, DEFAULT_TOOL_TIMEOUT_MS } from './agent/tool';
export { allowAllPolicy } from './agent/policy';
export { DEFAULT_MAX_SESSIONS, DEFAULT_MAX_TURNS_PER_SESSION, InProcessMemory } from './agent/memory';
export { AgentAbortError, AgentClosedError, AgentConfigError, AgentError } from './agent/errors';

export type { Agent, AgentRunOptions } from './agent/create-agent';
export type {
  AgentConfig,
  AgentGenerationOptions,
  AgentMemoryOption,
  AgentRunBudget,
} from './agent/config';
export type {
  AgentChatOptions,
  AgentRunResult,
  AgentRunTimings,
  AgentStopReason,
} from './agent/run-loop';
export type { AgentInitTimings, AgentLazyState, AgentPart } from './agent/agent-parts';
export type { ToolCallError, ToolCallRecord, ToolErrorCode } from './agent/run-tool';
export type { ToolContext, ToolDefinition } from './agent/tool';
export type { ToolCallRequest, ToolPolicy, ToolPolicyDecision } from './agent/policy';
export type { ConversationMemory, InProcessMemoryOptions } from './agent/memory';

// ---- Checkpoints: durable, checksummed agent-state snapshots with retention.
export { CheckpointStore, DEFAULT_KEEP } from './checkpoint/store';
export { RECOMMENDED_CHECKPOINT_CODEC } from './checkpoint/codec';
export { CHECKPOINT_FORMAT_VERSION } from './checkpoint/format';
export { CHECKPOINT_SCHEMA_VERSION } from './checkpoint/state';
export {
  CheckpointCorruptError,
  CheckpointNotFoundError,
  CheckpointOptionsError,
  CheckpointSchemaVersionError,
} from './checkpoint/errors';

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

// ---- LLM providers: Ollama, embedded llama.cpp, the generated tiny model, and choosing between them.
export { OllamaProvider, DEFAULT_OLLAMA_HOST, DEFAULT_OLLAMA_MODEL } from './llm/ollama-provider';
export { LlamaCppProvider } from './llm/llama-cpp-provider';
export { resolveProvider } from './llm/resolve-provider';
export { defaultLlamaThreads } from './llm/threads';
export { isLlama32OneBGguf, isLlama32OneBOllamaTag, sameOllamaModel } from './llm/model-class';
export {
  createTinyModelBytes,
  ensureTinyModel,
  TINY_MODEL_CHAT_TEMPLATE,
  TINY_MODEL_NAME_PREFIX,
  tinyModelCacheKey,
  tinyModelVocabSize,
  writeTinyModel,
} from './llm/tiny-model';
export {
  GGUF_DEFAULT_ALIGNMENT,
  GGUF_MAGIC,
  GGUF_VERSION,
  GgufValueType,
  serializeGguf,
} from './llm/gguf-writer';
export {
  LlmAbortError,
  LlmError,
  ModelFileError,
  OllamaModelMissingError,
  OllamaUnreachableError,
  ProviderClosedError,
  TokenOutOfRangeError,
} from './llm/errors';

export type {
  ChatMessage,
  ChatOptions,
  ChatResult,
  ChatTimings,
  FinishReason,
  LlmProvider,
  ProviderInfo,
} from './llm/types';
export type { OllamaCheckResult, OllamaProviderOptions } from './llm/ollama-provider';
export type { LlamaCppProviderOptions } from './llm/llama-cpp-provider';
export type { ResolvedProvider, ResolveProviderOptions } from './llm/resolve-provider';
export type { EnsureTinyModelOptions, ResolvedTinyModelOptions, TinyModelOptions } from './llm/tiny-model';
export type { GgufFile, GgufScalar, GgufTensor, GgufValue } from './llm/gguf-writer';
