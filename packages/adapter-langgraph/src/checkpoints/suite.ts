import type { SuiteDefinition } from '@kaizen-bench/harness';
import { createCheckpointsSuite } from '@kaizen-bench/suite-checkpoints';
import type { LanggraphSuiteOptions } from '../options';
import {
  createLanggraphCheckpointsSubject,
  type LanggraphCompression,
  langgraphCheckpointsSubjectName,
} from './subject';
import { missingPgUrl } from '../_pg-internals';

/** Options of {@link createLanggraphCheckpointsSuite}. */
export interface LanggraphCheckpointsSuiteOptions extends LanggraphSuiteOptions {
  /** A compressing serializer, so Compression runs instead of being skipped. @default none */
  compression?: LanggraphCompression;
}

/**
 * Suite 6 (Checkpoints) on a LangGraph checkpointer of `options.backend`: MemorySaver, SqliteSaver on a WAL
 * file, or PostgresSaver at `options.pgUrl`; a fresh checkpointer per benchmark. Compression is `skipped`
 * unless `compression` is given.
 */
export function createLanggraphCheckpointsSuite(options: LanggraphCheckpointsSuiteOptions): SuiteDefinition {
  if (options.backend === 'postgres' && !options.pgUrl) throw missingPgUrl('the langgraph-postgres subject');
  const suite = createCheckpointsSuite({
    subject: () =>
      createLanggraphCheckpointsSubject({
        backend: options.backend,
        ...(options.pgUrl ? { pgUrl: options.pgUrl } : {}),
        ...(options.compression ? { compression: options.compression } : {}),
      }),
  });
  return {
    ...suite,
    metadata: { ...suite.metadata, subject: langgraphCheckpointsSubjectName(options.backend) },
  };
}
