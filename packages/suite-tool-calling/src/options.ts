import { createAgentToolsSubject } from './agent-subject';
import type { ToolCallingSubjectSource } from './subject';

/** Options of `createToolCallingSuite`. */
export interface ToolCallingSuiteOptions {
  /** What to benchmark. @default a fresh `createAgentToolsSubject()` per benchmark */
  subject?: ToolCallingSubjectSource;
  /** Bytes of the file Tool Execution writes and reads back. @default 4096 */
  fileBytes?: number;
  /** Timeout of each tool call in Tool Execution, ms. @default 5000 */
  toolTimeoutMs?: number;
}

export interface ResolvedToolCallingSuiteOptions {
  subject: ToolCallingSubjectSource;
  customSubject: boolean;
  fileBytes: number;
  toolTimeoutMs: number;
}

/** Applies the defaults. @throws RangeError for a file size or timeout that is not a positive integer. */
export function resolveToolCallingSuiteOptions(
  options: ToolCallingSuiteOptions = {},
): ResolvedToolCallingSuiteOptions {
  const fileBytes = options.fileBytes ?? 4096;
  const toolTimeoutMs = options.toolTimeoutMs ?? 5000;
  for (const [key, value] of Object.entries({ fileBytes, toolTimeoutMs })) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`createToolCallingSuite: ${key} must be an integer >= 1, got ${value}`);
    }
  }
  return {
    subject: options.subject ?? (() => createAgentToolsSubject()),
    customSubject: options.subject !== undefined,
    fileBytes,
    toolTimeoutMs,
  };
}
