import { type AgentSubjectOptions, createAgentSubject } from './agent-subject';
import type { InterruptsSubjectSource } from './subject';
import { DEFAULT_FAST_STEPS } from './task';

export interface InterruptsSuiteOptions {
  /** What to benchmark. @default a fresh reference-agent subject per benchmark (`createAgentSubject`) */
  subject?: InterruptsSubjectSource;
  /** LLM choice of the default subject's agents (the CLI's `--llm --ollama-host --model --model-file`). */
  llm?: AgentSubjectOptions['llm'];
  /** Quick tool steps each run completes before the long one that is interrupted. @default 2 */
  fastSteps?: number;
  /** Called with one line of per-source detection times when Detection finishes (the CLI prints it). */
  onNotice?: (line: string) => void;
}

export interface ResolvedInterruptsSuiteOptions {
  subject: InterruptsSubjectSource;
  customSubject: boolean;
  fastSteps: number;
  onNotice: (line: string) => void;
}

export function resolveInterruptsSuiteOptions(
  options: InterruptsSuiteOptions = {},
): ResolvedInterruptsSuiteOptions {
  const fastSteps = options.fastSteps ?? DEFAULT_FAST_STEPS;
  if (!Number.isInteger(fastSteps) || fastSteps < 0 || fastSteps > 20) {
    throw new RangeError(
      `createInterruptsSuite: fastSteps must be an integer from 0 to 20, got ${fastSteps}`,
    );
  }
  const { llm } = options;
  return {
    subject: options.subject ?? (() => createAgentSubject(llm ? { llm } : {})),
    customSubject: options.subject !== undefined,
    fastSteps,
    onNotice: options.onNotice ?? (() => {}),
  };
}
