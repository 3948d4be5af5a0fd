export { createToolCallingSuite, TOOL_CALLING_SUITE_ID } from './suite';
export { AGENT_TOOLS_SUBJECT_NAME, createAgentToolsSubject } from './agent-subject';
export {
  approvalCall,
  CALL_BUDGET,
  COST_BUDGET,
  expectedApproval,
  OVER_BUDGET_SESSION,
  PERMISSION_CASES,
  WORKLOAD_RULES,
  WORKLOAD_TOOLS,
  workloadUsage,
} from './workload';

export type { AgentToolsSubjectOptions } from './agent-subject';
export type { ToolCallingSuiteOptions } from './options';
export type { PermissionCase } from './workload';
export type {
  ApprovalAnswer,
  AuditFacts,
  PermissionVerdict,
  SuiteApprover,
  ToolCallingBenchmarkId,
  ToolCallingSubject,
  ToolCallingSubjectSource,
  ToolCallingWorkload,
  ToolCallSpec,
  ToolExecutionResult,
  WorkloadTool,
} from './subject';
