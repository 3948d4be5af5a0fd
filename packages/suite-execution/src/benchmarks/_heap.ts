import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection: `globalThis.gc` under `--expose-gc`, else V8's `gc` exposed at runtime (the flag
 * set now applies to new contexts, so a fresh one hands it over). Returns how it was done.
 */
export function forceGc(): 'expose-gc' | 'v8-flag-at-runtime' {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) {
    exposed();
    return 'expose-gc';
  }
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  return 'v8-flag-at-runtime';
}

/** V8 heap used after a forced full collection, bytes: what the process still holds. */
export function heapUsedAfterGc(): { bytes: number; gc: ReturnType<typeof forceGc> } {
  const gc = forceGc();
  return { bytes: getHeapStatistics().used_heap_size, gc };
}

/** What the heap-growth fact of a result says, measured after the first run and after the last. */
export interface HeapGrowth {
  description: string;
  gc: string;
  runs: number;
  heap_used_after_first_run_mb: number;
  heap_used_after_last_run_mb: number;
  growth_mb: number;
  growth_per_run_kb: number;
}

const MB = 1024 * 1024;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The heap-growth fact from two readings `runs` agent runs apart (the first reading after run 1). */
export function heapGrowth(
  first: { bytes: number; gc: string },
  last: { bytes: number; gc: string },
  runs: number,
): HeapGrowth {
  const growth = last.bytes - first.bytes;
  return {
    description:
      'V8 heap used (v8.getHeapStatistics().used_heap_size) after a forced full GC, read after the first agent ' +
      'sample (the capture run, one fresh session) and again after the last, with the subject still open: what ' +
      'the runtime keeps across invocations (sessions, checkpoints, caches). growth_per_run_kb = growth / (runs - 1).',
    gc: last.gc,
    runs,
    heap_used_after_first_run_mb: round(first.bytes / MB, 3),
    heap_used_after_last_run_mb: round(last.bytes / MB, 3),
    growth_mb: round(growth / MB, 3),
    growth_per_run_kb: runs > 1 ? round(growth / 1024 / (runs - 1), 2) : 0,
  };
}
