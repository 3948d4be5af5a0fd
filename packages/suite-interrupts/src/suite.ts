import type { SuiteDefinition } from '@kaizen-bench/harness';
import { defineSuite } from '@kaizen-bench/harness';
import { AGENT_SUBJECT_NAME } from './agent-subject';
import { createCheckpointOnInterruptBenchmark } from './benchmarks/checkpoint-on-interrupt';
import { createDetectionBenchmark } from './benchmarks/detection';
import { createGracefulShutdownBenchmark } from './benchmarks/graceful-shutdown';
import { type InterruptsSuiteOptions, resolveInterruptsSuiteOptions } from './options';

/** Result id and file stem of this suite. */
export const INTERRUPTS_SUITE_ID = 'suite5_interrupts';

/**
 * Suite 5, Interrupts: `interrupt_detection` (Detection, per source: OS signal in a child process, caller
 * abort, timeout, budget), `graceful_shutdown` (Graceful Shutdown) and `checkpoint_on_interrupt` (Checkpoint
 * on Interrupt), each next to its floor, on the given subject or the reference agent of `@kaizen-bench/agent`.
 *
 * @example
 * const result = await runSuite(createInterruptsSuite({ onNotice: console.error }), { profile: 'quick' });
 */
export function createInterruptsSuite(options: InterruptsSuiteOptions = {}): SuiteDefinition {
  const resolved = resolveInterruptsSuiteOptions(options);
  const { subject } = resolved;
  return defineSuite({
    id: INTERRUPTS_SUITE_ID,
    name: 'Interrupts',
    benchmarks: [
      createDetectionBenchmark(resolved),
      createGracefulShutdownBenchmark(resolved),
      createCheckpointOnInterruptBenchmark(resolved),
    ],
    metadata: {
      subject: !resolved.customSubject
        ? AGENT_SUBJECT_NAME
        : typeof subject === 'function'
          ? 'custom (factory)'
          : subject.name,
      fast_steps: resolved.fastSteps,
    },
  });
}
