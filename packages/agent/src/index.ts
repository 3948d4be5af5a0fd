// ---- Agent: the runtime loop (model, tools, memory, budget, abort) with lazily initialized parts.
export { createAgent, DEFAULT_SESSION_ID } from './agent/create-agent';
export { DEFAULT_HISTORY_TURNS, DEFAULT_MAX_STEPS, DEFAULT_SYSTEM_PROMPT } from './agent/config';
export { defineTool, DEFAULT_TOOL_TIMEOUT_MS } from './agent/tool';
export { allowAllPolicy } from './agent/policy';
export { DEFAULT_MAX_SESSIONS, DEFAULT_MAX_TURNS_PER_SESSION, InProcessMemory } from './agent/memory';
export { AgentAbortError, AgentClosedError, AgentConfigError, AgentError } from './agent/errors';
// The JSON tool protocol, for adapters that make another runtime ask the model exactly as this agent does.
export { buildReplySchema, describeToolProtocol, parseReply } from './agent/reply-protocol';

export type { Agent, AgentRunOptions } from './agent/create-agent';
export type { AgentReply, ProtocolTool } from './agent/reply-protocol';
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
export { connectServedProvider, serveProvider } from './llm/served-provider';
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
export type { LlmChoice, ResolvedProvider, ResolveProviderOptions } from './llm/resolve-provider';
export type {
  ConnectServedProviderOptions,
  ServedProviderHandle,
  ServeProviderOptions,
} from './llm/served-provider';
export type { EnsureTinyModelOptions, ResolvedTinyModelOptions, TinyModelOptions } from './llm/tiny-model';
export type { GgufFile, GgufScalar, GgufTensor, GgufValue } from './llm/gguf-writer';

// ---- Multi-agent: A2A server and client (@a2a-js/sdk, loaded on first use), semantic routing, delegation.
export { serveA2aAgent, A2A_HOST } from './a2a/server';
export { connectA2aAgent, DEFAULT_A2A_TIMEOUT_MS } from './a2a/client';
export { A2A_JSONRPC_PATH, AGENT_CARD_PATH, buildAgentCard, describeCapabilities } from './a2a/agent-card';
export { toolTaskHandler } from './a2a/tool-task-handler';
export { createSupervisor } from './a2a/supervisor';
export {
  A2aAbortError,
  A2aConfigError,
  A2aProtocolError,
  A2aRemoteError,
  A2aServerClosedError,
  A2aTimeoutError,
  A2aUnreachableError,
  DelegationNoRouteError,
} from './a2a/errors';
export { createSemanticRouter, DEFAULT_ROUTE_THRESHOLD, ROUTE_TIE_EPSILON } from './routing/semantic-router';
export {
  createHashingEmbedder,
  DEFAULT_HASHING_DIMENSIONS,
  ENGLISH_STOP_WORDS,
  hashingFeatures,
  tokenize,
} from './routing/hashing-embedder';
export {
  createLlamaCppEmbedder,
  createOllamaEmbedder,
  DEFAULT_OLLAMA_EMBEDDING_MODEL,
  embedderFromProvider,
} from './routing/provider-embedder';
export { cosineSimilarity, l2Normalize } from './routing/vector';
export { EmbeddingError, RoutingConfigError } from './routing/errors';

export type { A2aHandler, A2aRequest, A2aServer, ServeA2aAgentOptions } from './a2a/server';
export type { A2aConnectOptions, A2aPeer, A2aReply, A2aSendOptions } from './a2a/client';
export type { A2aSkill, AgentCardOptions } from './a2a/agent-card';
export type { A2aPayload } from './a2a/payload';
export type { ToolTaskHandlerOptions, ToolTaskReply, ToolTaskRequest } from './a2a/tool-task-handler';
export type { DelegationResult, Supervisor, SupervisorOptions } from './a2a/supervisor';
export type { AgentCard as A2aAgentCard } from '@a2a-js/sdk';
export type {
  RouteDecision,
  RouteReason,
  RouteTarget,
  SemanticRouter,
  SemanticRouterOptions,
} from './routing/semantic-router';
export type { Embedder } from './routing/embedder';
export type { HashingEmbedder, HashingEmbedderOptions } from './routing/hashing-embedder';
export type {
  OllamaEmbedderOptions,
  ProviderEmbedderOptions,
} from './routing/provider-embedder';

// ---- Tools: registry with danger levels, permission policy, approval with a durable audit trail, sandboxed tools.
export { ToolRegistry, defineRegisteredTool } from './tools/registry';
export { DANGER_LEVELS, dangerRank, isDangerLevel } from './tools/danger';
export { createPermissionPolicy, DEFAULT_DENY, PermissionPolicy } from './tools/permission-policy';
export { DEFAULT_LEDGER_MAX_SESSIONS, UsageLedger } from './tools/usage-ledger';
export { JsonlAuditLog, readAuditLog } from './tools/audit-log';
export {
  ApprovalWorkflow,
  createProgrammaticApprover,
  DEFAULT_APPROVAL_TIMEOUT_MS,
} from './tools/approval';
export { createPromptApprover } from './tools/prompt-approver';
export { ToolGate } from './tools/tool-gate';
export { createFsSandbox, DEFAULT_MAX_FILE_BYTES, FsSandbox } from './tools/sandbox';
export { checkSandboxPath, DEFAULT_MAX_PATH_LENGTH, MAX_SEGMENT_BYTES } from './tools/sandbox-path';
export { createFsTools, DEFAULT_FS_TOOL_TIMEOUT_MS } from './tools/fs-tools';
export { createCalculatorTool, evaluateExpression, MAX_EXPRESSION_LENGTH } from './tools/calculator';
export {
  AuditLogError,
  CalculatorError,
  PermissionRuleError,
  SandboxConfigError,
  SandboxError,
  ToolRegistryError,
} from './tools/errors';

export type { RegisteredTool } from './tools/registry';
export type { DangerLevel } from './tools/danger';
export type { PermissionDecision, PermissionPolicyOptions, ToolLookup } from './tools/permission-policy';
export type { BudgetLimit, PathScope, PermissionEffect, PermissionRule } from './tools/permission-rules';
export type { SessionUsage } from './tools/usage-ledger';
export type {
  AuditDurability,
  AuditEntry,
  AuditLog,
  AuditLogContents,
  AuditOutcome,
  AuditRecord,
  JsonlAuditLogOptions,
  JsonlAuditLogStats,
} from './tools/audit-log';
export type {
  ApprovalCall,
  ApprovalOutcome,
  ApprovalRequest,
  ApprovalVerdict,
  ApprovalWorkflowOptions,
  Approver,
} from './tools/approval';
export type { PromptApprover, PromptApproverOptions } from './tools/prompt-approver';
export type { GateDecision, ToolGateCallOptions, ToolGateOptions } from './tools/tool-gate';
export type {
  FsSandboxOptions,
  SandboxReadResult,
  SandboxStrategy,
  SandboxWriteResult,
} from './tools/sandbox';
export type { SandboxRejection } from './tools/errors';
export type { FsReadArgs, FsTools, FsWriteArgs } from './tools/fs-tools';
export type { CalculateArgs } from './tools/calculator';

// ---- Interrupts: signals, caller abort, timeout and budget unified per run; graceful shutdown; checkpoint and resume.
export { createRunInterrupt } from './interrupts/run-interrupt';
export { InterruptBudget } from './interrupts/budget';
export { DEFAULT_INTERRUPT_SIGNALS, listenForSignals } from './interrupts/os-signals';
export { describeInterrupt, INTERRUPT_KINDS, interruptToJson } from './interrupts/reason';
export { DEFAULT_HOOK_TIMEOUT_MS, DEFAULT_TOOL_GRACE_MS } from './interrupts/shutdown';
export {
  INTERRUPT_CHECKPOINT_KIND,
  interruptCheckpointState,
  resumePointFromState,
} from './interrupts/interrupt-checkpoint';
export { InterruptCheckpointError, InterruptError, InterruptOptionsError } from './interrupts/errors';

export type { RunInterrupt, RunInterruptOptions } from './interrupts/run-interrupt';
export type { BudgetExceeded, InterruptBudgetOptions } from './interrupts/budget';
export type {
  AbortInterrupt,
  BudgetInterrupt,
  InterruptKind,
  InterruptReason,
  SignalInterrupt,
  TimeoutInterrupt,
} from './interrupts/reason';
export type {
  ShutdownHook,
  ShutdownHookContext,
  ShutdownHookOptions,
  ShutdownHookOutcome,
  ShutdownOptions,
  ShutdownReport,
} from './interrupts/shutdown';
export type { AgentRunProgress } from './interrupts/progress';
export type { InterruptCheckpointFacts, ResumePoint } from './interrupts/interrupt-checkpoint';
export type {
  CompletedRun,
  InterruptCheckpoint,
  InterruptedRun,
  InterruptibleRunOptions,
  InterruptibleRunResult,
  InterruptStamps,
  InterruptTimings,
} from './interrupts/run-interruptible';

// ---- Memory tiers: hot (in-process LRU), warm (SQLite WAL or PostgreSQL), cold (compressed archive); drivers load on first use.
export { openTieredMemory, TieredMemory, DEFAULT_ARCHIVE_CODEC } from './memory/tiered-memory';
export { DEFAULT_HOT_SESSIONS, DEFAULT_HOT_TURNS_PER_SESSION } from './memory/hot-tier';
export {
  checkPostgresUrl,
  DEFAULT_PG_CONNECT_TIMEOUT_MS,
  DEFAULT_PG_POOL_SIZE,
} from './memory/pg-store';
export { SQLITE_RECENT_SQL } from './memory/sqlite-store';
export { ARCHIVE_FORMAT_VERSION } from './memory/archive-codec';
export { MEMORY_SCHEMA_VERSION } from './memory/store';
export {
  MemoryArchiveCorruptError,
  MemoryClosedError,
  MemoryConnectionError,
  MemoryDriverError,
  MemoryError,
  MemoryOptionsError,
  MemorySchemaVersionError,
  MemorySessionNotFoundError,
  MemoryTurnError,
} from './memory/errors';

export type {
  ArchiveResult,
  DemotionPolicy,
  DemotionResult,
  RecentOptions,
  RestoreResult,
  TierCounts,
  TieredMemoryDescription,
  TieredMemoryOptions,
  TieredMemoryStats,
} from './memory/tiered-memory';
export type { HotTierOptions } from './memory/hot-tier';
export type { PostgresBackendOptions, PostgresCheck } from './memory/pg-store';
export type { SqliteBackendOptions, SqliteSynchronous } from './memory/sqlite-store';
export type { ArchiveCodec } from './memory/archive-codec';
export type { MemoryConnectionProblem } from './memory/errors';
