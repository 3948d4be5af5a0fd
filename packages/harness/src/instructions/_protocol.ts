// What the parent (count-instructions.ts) and the child process (child.ts) exchange: the job goes in as one
// JSON argument, the outcome comes back in a small JSON file (stdout belongs to the benchmark).
import type { SuiteSource } from '../types';

/** One repetition of one benchmark, as the child process gets it. */
export interface ProbeSpec {
  source: SuiteSource;
  suiteId: string;
  benchmarkId: string;
  seed: number;
  warmup: number;
  /** The most measured calls. */
  iterations: number;
  /** Measured calls made whatever the time. */
  minIterations: number;
  /** Past `minIterations`, no new measured call starts once the measured calls took this long, ms. */
  budgetMs: number;
  /** Where the child writes its {@link ProbeStatus}. */
  statusFile: string;
  /**
   * Set when valgrind starts with instrumentation off (`--instr-atstart=no`): the `callgrind_control` the child
   * runs to switch it on after the warmup, so startup, setup and warmup run ~2x faster.
   */
  callgrindControl?: string;
}

/** What the child reports. `markers` is how many phase markers it passed (so the parent expects as many dumps). */
export type ProbeStatus =
  | { status: 'ok'; iterations: number; markers: number }
  | {
      status: 'skipped' | 'failed';
      reason: string /** The instrumentation could not be switched on. */;
      switchFailed?: boolean;
    };

/**
 * The libc function the child calls at each phase boundary (through `os.getPriority`): callgrind is started
 * with `--dump-before=` it, so every call writes the instructions counted since the previous one. Nothing
 * else in Node calls it; the parent checks the number of dumps against the number of markers anyway.
 */
export const MARKER_FUNCTION = 'getpriority';

/**
 * Node flags of the child: one thread for V8's platform work and deterministic JIT and GC decisions (without
 * `--predictable` counts moved ~1%); the young generation at a fixed 16 MB (its size otherwise adapts to what
 * startup allocated, which differs a little per process: scavenges then fell at other points and counts moved
 * 0.01-0.03%; fixed, repetitions came out identical); `gc()` for a full collection before the measured calls;
 * a fixed seed for `Math.random`.
 */
export const PROBE_NODE_FLAGS: readonly string[] = [
  '--single-threaded',
  '--predictable',
  '--min-semi-space-size=16',
  '--max-semi-space-size=16',
  '--expose-gc',
  '--random-seed=42',
];

/** Empty phases (the markers around a no-op) before the measured calls: the cheapest is the markers' cost. */
export const EMPTY_PHASES = 3;

/** Markers a probe of `iterations` passes: two around each empty phase, two around each measured call. */
export function expectedMarkers(iterations: number): number {
  return 2 * EMPTY_PHASES + 2 * iterations;
}
