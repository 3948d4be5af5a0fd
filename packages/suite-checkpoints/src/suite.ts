import type { SuiteDefinition } from '@kaizen-bench/harness';
import { defineSuite } from '@kaizen-bench/harness';
import { createCompressionBenchmark } from './benchmarks/checkpoint-compression';
import { createLoadBenchmark } from './benchmarks/checkpoint-load';
import { createSaveBenchmark } from './benchmarks/checkpoint-save';
import { type CheckpointsSuiteOptions, resolveCheckpointsSuiteOptions } from './options';
import { STORE_SUBJECT_NAME } from './store-subject';

/** Result id and file stem of this suite. */
export const CHECKPOINTS_SUITE_ID = 'suite6_checkpoints';

/**
 * Suite 6, Checkpoints: `checkpoint_save` (Save), `checkpoint_load` (Load) and `checkpoint_compression`
 * (Compression), timed on the given subject or on `CheckpointStore` from `@kaizen-bench/agent`.
 *
 * @example
 * const result = await runSuite(createCheckpointsSuite(), { profile: 'quick' });
 */
export function createCheckpointsSuite(options: CheckpointsSuiteOptions = {}): SuiteDefinition {
  const resolved = resolveCheckpointsSuiteOptions(options);
  const subject = resolved.subject;
  return defineSuite({
    id: CHECKPOINTS_SUITE_ID,
    name: 'Checkpoints',
    benchmarks: [
      createSaveBenchmark(resolved),
      createLoadBenchmark(resolved),
      createCompressionBenchmark(resolved),
    ],
    metadata: {
      subject: !resolved.customSubject
        ? STORE_SUBJECT_NAME
        : typeof subject === 'function'
          ? 'custom (factory)'
          : subject.name,
      state_messages: resolved.stateSize.messages,
      state_memory_entries: resolved.stateSize.memoryEntries,
    },
  });
}
