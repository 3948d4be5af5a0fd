import type { Rng } from '@kaizen-bench/stats';
import { HarnessError } from './errors';
import type { BenchmarkContext } from './types';

type Phase = BenchmarkContext['phase'];

/** The mutable state behind one benchmark's {@link BenchmarkContext}. */
export interface ContextState {
  readonly ctx: BenchmarkContext;
  phase: Phase;
  iteration: number;
  /** Set by `ctx.reportDurationMs` during the current iteration; cleared by the runner. */
  reportedMs: number | undefined;
  unratedReason: string | undefined;
  readonly metadata: Record<string, unknown>;
}

export function createContextState(
  benchmarkId: string,
  seed: number,
  rng: Rng,
  signal: AbortSignal,
): ContextState {
  const metadata: Record<string, unknown> = {};
  const state: ContextState = {
    phase: 'setup',
    iteration: 0,
    reportedMs: undefined,
    unratedReason: undefined,
    metadata,
    ctx: undefined as unknown as BenchmarkContext,
  };
  const ctx: BenchmarkContext = {
    seed,
    rng,
    signal,
    metadata,
    get phase() {
      return state.phase;
    },
    get iteration() {
      return state.iteration;
    },
    reportDurationMs(ms: number) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new HarnessError(
          'HARNESS_INVALID_BENCHMARK',
          `benchmark '${benchmarkId}': reportDurationMs needs a finite number of ms >= 0, got ${String(ms)}`,
        );
      }
      state.reportedMs = ms;
    },
    markUnrated(reason: string) {
      state.unratedReason = String(reason);
    },
  };
  (state as { ctx: BenchmarkContext }).ctx = ctx;
  return state;
}
