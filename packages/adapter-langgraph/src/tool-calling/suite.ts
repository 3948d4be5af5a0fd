import type { SuiteDefinition } from '@kaizen-bench/harness';
import { createToolCallingSuite } from '@kaizen-bench/suite-tool-calling';
import type { LanggraphSuiteOptions } from '../options';
import { createLanggraphToolCallingSubject } from './subject';

/**
 * Suite 4, Tool Calling, on LangGraph.js: the suite of `@kaizen-bench/suite-tool-calling` with a fresh
 * {@link createLanggraphToolCallingSubject} per benchmark. Permission Check is skipped (no permission layer).
 */
export function createLanggraphToolCallingSuite(options: LanggraphSuiteOptions): SuiteDefinition {
  return createToolCallingSuite({ subject: () => createLanggraphToolCallingSubject(options) });
}
