import type { SuiteDefinition } from '@kaizen-bench/harness';
import { defineSuite } from '@kaizen-bench/harness';
import { AGENT_SUBJECT_NAME } from './agent-subject';
import { createLongRunningBenchmark } from './benchmarks/long-running';
import { createMultiTurnBenchmark } from './benchmarks/multi-turn';
import { createSingleShotBenchmark } from './benchmarks/single-shot';
import { type ExecutionSuiteOptions, resolveExecutionSuiteOptions } from './options';

/** Result id and file stem of this suite. */
export const EXECUTION_SUITE_ID = 'suite2_execution';

/**
 * Suite 2, Execution: `single_shot` (Single-Shot), `multi_turn` (Multi-Turn, with memory) and `long_running`
 * (Long-Running, a 5-step checkpointed task), each timed next to its floor: the raw model calls the agent
 * made, replayed with the same messages and options. Building the suite does nothing: the model is picked and
 * loaded in each benchmark's setup.
 *
 * @example
 * const result = await runSuite(createExecutionSuite({ llm: { llm: 'auto' } }), { profile: 'quick' });
 */
export function createExecutionSuite(options: ExecutionSuiteOptions = {}): SuiteDefinition {
  const resolved = resolveExecutionSuiteOptions(options);
  const { subject } = resolved;
  return defineSuite({
    id: EXECUTION_SUITE_ID,
    name: 'Execution',
    benchmarks: [
      createSingleShotBenchmark(resolved),
      createMultiTurnBenchmark(resolved),
      createLongRunningBenchmark(resolved),
    ],
    metadata: {
      subject: !resolved.customSubject
        ? AGENT_SUBJECT_NAME
        : typeof subject === 'function'
          ? 'custom (factory)'
          : subject.name,
      ...(resolved.customSubject ? {} : { llm_requested: { llm: 'embedded', ...options.llm } }),
    },
  });
}
