import type { LlmChoice } from '@kaizen-bench/agent';
import { createAgentSubject } from './agent-subject';
import type { ExecutionSubjectSource } from './subject';

export interface ExecutionSuiteOptions {
  /** What to benchmark. @default a fresh reference-agent subject per benchmark (`createAgentSubject({ llm })`) */
  subject?: ExecutionSubjectSource;
  /**
   * LLM choice of the default subject (the CLI's `--llm --ollama-host --model --model-file`).
   * @default { llm: 'embedded' } (the generated tiny model)
   */
  llm?: LlmChoice;
  /**
   * Gets one line saying which model the suite runs on and why (e.g. "Ollama server not reachable ...; using
   * the generated tiny random-weight model ..."), once per distinct line. The CLI prints it on stderr.
   * @default nothing is printed (the line is in each result's `metadata.llm_choice` anyway)
   */
  onNotice?: (line: string) => void;
}

export interface ResolvedExecutionSuiteOptions {
  subject: ExecutionSubjectSource;
  customSubject: boolean;
  /** Sends a notice line unless this suite sent the same line already. */
  notice: (line: string) => void;
}

export function resolveExecutionSuiteOptions(
  options: ExecutionSuiteOptions = {},
): ResolvedExecutionSuiteOptions {
  const { llm, onNotice } = options;
  const sent = new Set<string>();
  return {
    subject: options.subject ?? (() => createAgentSubject(llm ? { llm } : {})),
    customSubject: options.subject !== undefined,
    notice: (line) => {
      if (!onNotice || sent.has(line)) return;
      sent.add(line);
      onNotice(line);
    },
  };
}
