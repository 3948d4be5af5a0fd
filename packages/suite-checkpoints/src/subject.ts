import type { AgentState } from '@kaizen-bench/agent';

type MaybePromise<T> = T | Promise<T>;

/** What a subject's save reports: sizes go into the results' metadata. */
export interface CheckpointSaveFacts {
  /** Bytes written to storage. */
  bytes: number;
  /** Bytes of the uncompressed serialized state. */
  rawBytes: number;
  /** Codec used, e.g. `brotli` or `none`. */
  codec?: string;
}

/** The suite's benchmarks, by the short names a subject uses to say which it does not offer. */
export type CheckpointsBenchmarkKey = 'save' | 'load' | 'compression';

/**
 * The operations the Checkpoints suite times. Implement it to benchmark your own framework's checkpointing.
 * The default subject is `CheckpointStore` from `@kaizen-bench/agent` (see `createStoreSubject`).
 */
export interface CheckpointsSubject {
  /** Shown in the results' metadata, e.g. `CheckpointStore (@kaizen-bench/agent)`. */
  readonly name: string;
  /** Durably saves `state` as the newest checkpoint; `compress` says whether compression is on. */
  save(state: AgentState, options: { compress: boolean }): Promise<CheckpointSaveFacts>;
  /**
   * Reads, validates and deserializes the newest checkpoint saved with the same `compress` flag, and returns
   * the state (the suite checks, untimed, that it equals what was saved).
   */
  load(options: { compress: boolean }): Promise<AgentState>;
  /**
   * Benchmarks this subject does not offer, each with the reason (e.g. `{ compression: 'no compression
   * option' }`): they come out `skipped` with that reason instead of being emulated. @default all offered
   */
  readonly unsupported?: Partial<Record<CheckpointsBenchmarkKey, string>>;
  /**
   * Bytes the subject's storage holds now (files on disk, table sizes, in-memory buffers). When given, Save
   * records the write amplification of a growing conversation (`write_amplification` in its metadata).
   */
  storedBytes?(): Promise<number>;
  /** Facts for the results' metadata (retention, files on disk, codec, ...), asked for after the last iteration. */
  describe?(): MaybePromise<Record<string, unknown>>;
  /** Releases what the subject holds (files, connections); called once per benchmark, after its last iteration. */
  close?(): MaybePromise<void>;
}

/**
 * A subject, or a factory making a fresh subject per benchmark. The suite closes the subjects it made
 * through a factory; a subject object passed directly is used by all three benchmarks and never closed.
 */
export type CheckpointsSubjectSource = CheckpointsSubject | (() => MaybePromise<CheckpointsSubject>);
