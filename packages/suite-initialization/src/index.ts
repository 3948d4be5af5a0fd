export { createInitializationSuite, INITIALIZATION_SUITE_ID } from './suite';
export { AGENT_SUBJECT_NAME, createAgentSubject, referenceAgentEntryPath } from './agent-subject';
export { referenceAgentConfig } from './reference-agent';

export type { InitializationSuiteOptions } from './options';
export type { AgentSubjectOptions } from './agent-subject';
export type { ReferenceAgentOptions } from './reference-agent';
export type {
  ColdStartEntry,
  InitializationSubject,
  InitializationSubjectSource,
  LazyInitReport,
} from './subject';
