export { createExecutionSuite, EXECUTION_SUITE_ID } from './suite';
export { AGENT_SUBJECT_NAME, createAgentSubject, modelCallsOf } from './agent-subject';
export { resolveExecutionModel } from './resolve-model';
export {
  EXECUTION_GENERATION,
  LONG_TASK,
  MULTI_TURN_INPUTS,
  SINGLE_SHOT_QUESTION,
  TASK_STEP_GENERATION,
} from './workloads';

export type { ExecutionSuiteOptions } from './options';
export type { AgentSubjectOptions } from './agent-subject';
export type {
  ExecutionCallOptions,
  ExecutionGeneration,
  ExecutionModelInfo,
  ExecutionRun,
  ExecutionSessionOptions,
  ExecutionSubject,
  ExecutionSubjectSource,
  ExecutionWorkload,
  ExecutionWorkloadKind,
  LongTask,
  ModelCall,
  RawCallResult,
  TaskRun,
  TaskTool,
  TokenUsage,
} from './subject';
