import type { SuiteDefinition } from '@kaizen-bench/harness';
import { defineSuite } from '@kaizen-bench/harness';
import { AGENT_SUBJECT_NAME } from './agent-subject';
import { createColdStartBenchmark } from './benchmarks/cold-start';
import { createLazyInitBenchmark } from './benchmarks/lazy-init';
import { createWarmStartBenchmark } from './benchmarks/warm-start';
import { type InitializationSuiteOptions, resolveInitializationSuiteOptions } from './options';

/** Result id and file stem of this suite. */
export const INITIALIZATION_SUITE_ID = 'suite1_initialization';

/**
 * Suite 1, Initialization: `cold_start` (Cold Start, in a fresh process, next to a bare-node floor),
 * `warm_start` (Warm Start) and `lazy_init` (Lazy Init), timed on the given subject or on the reference
 * agent of `@kaizen-bench/agent`.
 *
 * @example
 * const result = await runSuite(createInitializationSuite(), { profile: 'quick' });
 */
export function createInitializationSuite(options: InitializationSuiteOptions = {}): SuiteDefinition {
  const resolved = resolveInitializationSuiteOptions(options);
  const { subject } = resolved;
  return defineSuite({
    id: INITIALIZATION_SUITE_ID,
    name: 'Initialization',
    benchmarks: [
      createColdStartBenchmark(resolved),
      createWarmStartBenchmark(resolved),
      createLazyInitBenchmark(resolved),
    ],
    metadata: {
      subject: !resolved.customSubject
        ? AGENT_SUBJECT_NAME
        : typeof subject === 'function'
          ? 'custom (factory)'
          : subject.name,
    },
  });
}
