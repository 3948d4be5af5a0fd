/** Default time between two samples, ms. */
export const DEFAULT_INTERVAL_MS = 50;

/** Smallest accepted sampling interval, ms: below this the 10 ms kernel CPU tick makes every sample noise. */
export const MIN_INTERVAL_MS = 10;

/** 1 MB as this package reports it: 1024 * 1024 bytes (a mebibyte). */
export const BYTES_PER_MB = 1024 * 1024;

/** 1 GB as this package reports it: 1024^3 bytes (a gibibyte). */
export const BYTES_PER_GB = 1024 * 1024 * 1024;

/** Timer period of the main-thread event-loop delay histogram, ms (each wake-up costs the measured thread CPU). */
export const EVENT_LOOP_RESOLUTION_MS = 20;

/** Shortest period between main-thread heap readings, ms. */
export const HEAP_READ_MIN_INTERVAL_MS = 100;

/**
 * At stop, a tail shorter than this fraction of the interval is dropped when full samples exist:
 * /proc CPU times tick every 10 ms, so a few-ms tail would read 0 % or several hundred %.
 */
export const MIN_TAIL_FRACTION = 0.25;
