import type { SuiteDefinition } from '@kaizen-bench/harness';
import { createExecutionSuite } from '@kaizen-bench/suite-execution';
import type { LanggraphSuiteOptions } from '../options';
import { createLanggraphExecutionSubject } from './subject';

/**
 * Suite 2, Execution, on LangGraph.js: the suite of `@kaizen-bench/suite-execution` with a fresh
 * {@link createLanggraphExecutionSubject} per benchmark (a ReAct agent over the same provider and model as
 * the reference agent, next to the same raw provider call as its floor).
 */
export function createLanggraphExecutionSuite(options: LanggraphSuiteOptions): SuiteDefinition {
  return createExecutionSuite({
    subject: () => createLanggraphExecutionSubject(options),
    ...(options.onNotice ? { onNotice: options.onNotice } : {}),
  });
}
