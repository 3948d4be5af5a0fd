import type { SuiteDefinition } from '@kaizen-bench/harness';
import { createMultiAgentSuite } from '@kaizen-bench/suite-multi-agent';
import type { LanggraphSuiteOptions } from '../options';
import { createLanggraphMultiAgentSubject } from './subject';

/**
 * Suite 7, Multi-Agent, on LangGraph.js: the suite of `@kaizen-bench/suite-multi-agent` with a fresh
 * {@link createLanggraphMultiAgentSubject} per benchmark. A2A Protocol and Semantic Routing are skipped with
 * LangGraph's reasons; Task Delegation is a `Command` handoff between graphs.
 */
export function createLanggraphMultiAgentSuite(options: LanggraphSuiteOptions): SuiteDefinition {
  return createMultiAgentSuite({
    subject: async (team) => {
      const subject = createLanggraphMultiAgentSubject(team, options);
      await subject.ready();
      return subject;
    },
  });
}
