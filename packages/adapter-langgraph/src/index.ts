export {
  createLanggraphSuite,
  findLanggraphSubject,
  LANGGRAPH_SUBJECTS,
  LANGGRAPH_SUITE_FACTORIES,
} from './subjects';
export { createLanggraphCheckpointsSuite } from './checkpoints/suite';
export {
  createLanggraphCheckpointsSubject,
  langgraphCheckpointsSubjectName,
  NO_COMPRESSION_REASON,
} from './checkpoints/subject';
export { createLanggraphMemorySuite } from './memory/suite';
export {
  createLanggraphMemorySubject,
  langgraphMemorySubjectName,
  MEMORY_NAMESPACE_ROOT,
  NO_COLD_TIER_REASON,
} from './memory/subject';
export {
  createLanggraphExecutionSubject,
  createLanggraphExecutionSuite,
  KaizenChatModel,
  LANGGRAPH_EXECUTION_SUBJECT_NAME,
  toChatMessage,
} from './execution/index';
export {
  createLanggraphInterruptsSubject,
  createLanggraphInterruptsSuite,
  LANGGRAPH_INTERRUPTS_SUBJECT_NAME,
  LANGGRAPH_UNSUPPORTED_SOURCES,
} from './interrupts/index';
export {
  createLanggraphToolCallingSubject,
  createLanggraphToolCallingSuite,
  LANGGRAPH_NO_PERMISSION_LAYER,
  LANGGRAPH_TOOL_CALLING_SUBJECT_NAME,
} from './tool-calling/index';
export {
  createLanggraphMultiAgentSubject,
  createLanggraphMultiAgentSuite,
  LANGGRAPH_MULTI_AGENT_SUBJECT_NAME,
  LANGGRAPH_MULTI_AGENT_UNSUPPORTED,
} from './multi-agent/index';

export type { LanggraphBackend, LanggraphSuiteOptions } from './options';
export type {
  KaizenChatGeneration,
  KaizenChatModelCallOptions,
  KaizenChatModelOptions,
  KaizenModelCall,
} from './execution/index';
export type { LanggraphSubject, LanggraphSuiteFactory } from './subjects';
export type { LanggraphCheckpointsSuiteOptions } from './checkpoints/suite';
export type {
  LanggraphCheckpointsSubjectOptions,
  LanggraphCompression,
} from './checkpoints/subject';
export type { LanggraphMemorySubjectOptions } from './memory/subject';
export type { LanggraphMemorySuiteOptions } from './memory/suite';
