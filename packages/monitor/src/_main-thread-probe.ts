import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { BYTES_PER_MB, EVENT_LOOP_RESOLUTION_MS, HEAP_READ_MIN_INTERVAL_MS } from './constants';

/** What only the monitored process's own main thread can see. */
export interface MainThreadReadings {
  heap_used_peak_mb: number;
  event_loop_delay_p50_ms?: number;
  event_loop_delay_p99_ms?: number;
}

export interface MainThreadProbe {
  stop(): Promise<MainThreadReadings>;
  /** Stops without reading (the monitor failed). */
  cancel(): void;
}

const nsToDelayMs = (ns: number): number => Math.max(0, ns / 1e6 - EVENT_LOOP_RESOLUTION_MS);

/**
 * Heap-used peak and event-loop delay, read on the main thread. A timer here cannot run while the main
 * thread is blocked, which is the point for event-loop delay; for the heap it means a reading every
 * max(interval, 100 ms) while the loop is free, plus one at start and one at stop.
 */
export function startMainThreadProbe(intervalMs: number): MainThreadProbe {
  const histogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  histogram.enable();
  let heapPeakBytes = getHeapStatistics().used_heap_size;
  const readHeap = (): void => {
    heapPeakBytes = Math.max(heapPeakBytes, getHeapStatistics().used_heap_size);
  };
  // Every timer wake-up costs the measured thread CPU: read the heap at most every 100 ms.
  const timer = setInterval(readHeap, Math.max(intervalMs, HEAP_READ_MIN_INTERVAL_MS));
  timer.unref();
  return {
    async stop() {
      // A block that just ended is recorded only when the histogram's overdue timer runs: let the loop
      // reach one timers phase first (that timer is due before this one, so it fires first).
      await new Promise((resolve) => setTimeout(resolve, 0));
      clearInterval(timer);
      readHeap();
      histogram.disable();
      const readings: MainThreadReadings = { heap_used_peak_mb: heapPeakBytes / BYTES_PER_MB };
      // The histogram records the time between timer runs, which includes the timer's own period:
      // subtract it so an idle loop reads ~0 ms of delay. No recording at all (a span under 20 ms): omit.
      if (histogram.count > 0) {
        readings.event_loop_delay_p50_ms = nsToDelayMs(histogram.percentile(50));
        readings.event_loop_delay_p99_ms = nsToDelayMs(histogram.percentile(99));
      }
      return readings;
    },
    cancel() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
