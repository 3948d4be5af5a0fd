import type { SuiteDefinition } from '@kaizen-bench/harness';
import { defineSuite } from '@kaizen-bench/harness';
import { AGENT_TOOLS_SUBJECT_NAME } from './agent-subject';
import { createApprovalWorkflowBenchmark } from './benchmarks/approval-workflow';
import { createPermissionCheckBenchmark } from './benchmarks/permission-check';
import { createToolExecutionBenchmark } from './benchmarks/tool-execution';
import { resolveToolCallingSuiteOptions, type ToolCallingSuiteOptions } from './options';
import { WORKLOAD_RULES } from './workload';

/** Result id and file stem of this suite. */
export const TOOL_CALLING_SUITE_ID = 'suite4_tool_calling';

/**
 * Suite 4, Tool Calling: `permission_check` (Permission Check, batched), `approval_workflow` (Approval
 * Workflow, next to a raw durable-append floor) and `tool_execution` (Tool Execution, next to a plain fs
 * write + read floor), timed on the given subject or on the tools layer of `@kaizen-bench/agent`.
 *
 * @example
 * const result = await runSuite(createToolCallingSuite(), { profile: 'quick' });
 */
export function createToolCallingSuite(options: ToolCallingSuiteOptions = {}): SuiteDefinition {
  const resolved = resolveToolCallingSuiteOptions(options);
  const { subject } = resolved;
  return defineSuite({
    id: TOOL_CALLING_SUITE_ID,
    name: 'Tool Calling',
    benchmarks: [
      createPermissionCheckBenchmark(resolved),
      createApprovalWorkflowBenchmark(resolved),
      createToolExecutionBenchmark(resolved),
    ],
    metadata: {
      subject: !resolved.customSubject
        ? AGENT_TOOLS_SUBJECT_NAME
        : typeof subject === 'function'
          ? 'custom (factory)'
          : subject.name,
      rules: WORKLOAD_RULES.length,
      file_bytes: resolved.fileBytes,
    },
  });
}
