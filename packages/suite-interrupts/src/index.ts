export { createInterruptsSuite, INTERRUPTS_SUITE_ID } from './suite';
export { AGENT_SUBJECT_NAME, builtEntryPath, createAgentSubject, TASK_GENERATION } from './agent-subject';
export { createInterruptTask, DEFAULT_FAST_STEPS } from './task';
export { startHoldServer } from './hold-server';

export type { InterruptsSuiteOptions } from './options';
export type { AgentSubjectOptions, SubjectLlmOptions } from './agent-subject';
export type {
  InterruptRunOptions,
  InterruptRunOutcome,
  InterruptSourceKind,
  InterruptsSubject,
  InterruptsSubjectSource,
  LoadedInterruptCheckpoint,
  SignalChildAgent,
  SignalChildEntry,
} from './subject';
export type { InterruptTask, InterruptTaskSpec, TaskRunWatch, TaskTool, TaskToolContext } from './task';
export type { HeldRequest, HoldServer } from './hold-server';
