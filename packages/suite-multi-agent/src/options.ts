import type { Embedder } from '@kaizen-bench/agent';
import { MULTI_AGENT_TEAM, type TeamAgent } from './data/team';
import { createReferenceSubject } from './reference-subject';
import type { MultiAgentSubjectSource } from './subject';

export interface MultiAgentSuiteOptions {
  /** What to benchmark. @default a fresh reference subject per benchmark (`createReferenceSubject`) */
  subject?: MultiAgentSubjectSource;
  /** Embedder of the default subject's router. @default the hashing embedder (lexical, not neural; no model) */
  embedder?: Embedder;
}

export interface ResolvedMultiAgentSuiteOptions {
  subject: MultiAgentSubjectSource;
  customSubject: boolean;
  team: readonly TeamAgent[];
}

export function resolveMultiAgentSuiteOptions(
  options: MultiAgentSuiteOptions = {},
): ResolvedMultiAgentSuiteOptions {
  const { embedder } = options;
  return {
    subject: options.subject ?? ((team) => createReferenceSubject(team, embedder ? { embedder } : {})),
    customSubject: options.subject !== undefined,
    team: MULTI_AGENT_TEAM,
  };
}
