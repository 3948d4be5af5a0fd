import { type AgentStateSize, DEFAULT_MEMORY_ENTRIES, DEFAULT_MESSAGES } from './build-agent-state';
import { createStoreSubject } from './store-subject';
import type { CheckpointsSubjectSource } from './subject';

export interface CheckpointsSuiteOptions {
  /** What to benchmark. @default a fresh `CheckpointStore` subject per benchmark (`createStoreSubject`) */
  subject?: CheckpointsSubjectSource;
  /** Size of the agent state saved and loaded. @default { messages: 200, memoryEntries: 200 } (~100 KB JSON) */
  stateSize?: AgentStateSize;
}

export interface ResolvedCheckpointsSuiteOptions {
  subject: CheckpointsSubjectSource;
  customSubject: boolean;
  stateSize: Required<AgentStateSize>;
}

export function resolveCheckpointsSuiteOptions(
  options: CheckpointsSuiteOptions = {},
): ResolvedCheckpointsSuiteOptions {
  const stateSize = {
    messages: options.stateSize?.messages ?? DEFAULT_MESSAGES,
    memoryEntries: options.stateSize?.memoryEntries ?? DEFAULT_MEMORY_ENTRIES,
  };
  for (const [key, value] of Object.entries(stateSize)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`createCheckpointsSuite: stateSize.${key} must be an integer >= 0, got ${value}`);
    }
  }
  return {
    subject: options.subject ?? (() => createStoreSubject()),
    customSubject: options.subject !== undefined,
    stateSize,
  };
}
