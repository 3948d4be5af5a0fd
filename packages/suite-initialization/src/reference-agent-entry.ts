import { type Agent, createAgent } from '@kaizen-bench/agent';
import { type ReferenceAgentOptions, referenceAgentConfig } from './reference-agent';

/**
 * Builds the reference agent, ready to run (lazy parts untouched). The Cold Start benchmark's fresh process
 * imports this module (`@kaizen-bench/suite-initialization/reference-agent-entry`, built JavaScript) and calls it.
 */
export function createReadyAgent(options: ReferenceAgentOptions | null = null): Agent {
  return createAgent(referenceAgentConfig(options ?? {}));
}

export type { ReferenceAgentOptions } from './reference-agent';
