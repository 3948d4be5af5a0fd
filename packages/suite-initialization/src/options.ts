import type { LlmChoice } from '@kaizen-bench/agent';
import { createAgentSubject } from './agent-subject';
import type { InitializationSubjectSource } from './subject';

export interface InitializationSuiteOptions {
  /** What to benchmark. @default a fresh reference-agent subject per benchmark (`createAgentSubject`) */
  subject?: InitializationSubjectSource;
  /** LLM choice of the default subject's agents (the CLI's `--llm --ollama-host --model --model-file`). */
  llm?: LlmChoice;
}

export interface ResolvedInitializationSuiteOptions {
  subject: InitializationSubjectSource;
  customSubject: boolean;
}

export function resolveInitializationSuiteOptions(
  options: InitializationSuiteOptions = {},
): ResolvedInitializationSuiteOptions {
  const { llm } = options;
  return {
    subject: options.subject ?? (() => createAgentSubject(llm ? { llm } : {})),
    customSubject: options.subject !== undefined,
  };
}
