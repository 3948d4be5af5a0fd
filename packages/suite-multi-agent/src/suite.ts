import type { SuiteDefinition } from '@kaizen-bench/harness';
import { defineSuite } from '@kaizen-bench/harness';
import { createA2aProtocolBenchmark } from './benchmarks/a2a-protocol';
import { createSemanticRoutingBenchmark } from './benchmarks/semantic-routing';
import { createTaskDelegationBenchmark } from './benchmarks/task-delegation';
import { type MultiAgentSuiteOptions, resolveMultiAgentSuiteOptions } from './options';
import { REFERENCE_SUBJECT_NAME } from './reference-subject';

/** Result id and file stem of this suite. */
export const MULTI_AGENT_SUITE_ID = 'suite7_multi_agent';

/**
 * Suite 7, Multi-Agent: `a2a_protocol` (A2A Protocol, next to a raw node:http floor), `semantic_routing`
 * (Semantic Routing, with its accuracy on a labelled set) and `task_delegation` (Task Delegation), timed on the
 * given subject or on A2A servers, a supervisor and the semantic router of `@kaizen-bench/agent`.
 *
 * @example
 * const result = await runSuite(createMultiAgentSuite(), { profile: 'quick' });
 */
export function createMultiAgentSuite(options: MultiAgentSuiteOptions = {}): SuiteDefinition {
  const resolved = resolveMultiAgentSuiteOptions(options);
  const { subject } = resolved;
  return defineSuite({
    id: MULTI_AGENT_SUITE_ID,
    name: 'Multi-Agent',
    benchmarks: [
      createA2aProtocolBenchmark(resolved),
      createSemanticRoutingBenchmark(resolved),
      createTaskDelegationBenchmark(resolved),
    ],
    metadata: {
      subject: !resolved.customSubject
        ? REFERENCE_SUBJECT_NAME
        : typeof subject === 'function'
          ? 'custom (factory)'
          : subject.name,
      team_agents: resolved.team.length,
    },
  });
}
