import { TIMER_CALIBRATION_PAIRS } from './constants';

/** The clock every sample is read from. */
export const now = (): bigint => process.hrtime.bigint();

/** Nanoseconds between two clock readings, as a number. */
export const elapsedNs = (start: bigint, end: bigint): number => Number(end - start);

/**
 * The cost of one back-to-back pair of clock reads, ns: the median of many pairs, after a short warmup so
 * the JIT has compiled the read. The median ignores the pairs a context switch lands in.
 */
export function calibrateTimerCostNs(pairs = TIMER_CALIBRATION_PAIRS): number {
  const costs = new Float64Array(pairs);
  for (let i = 0; i < 1000; i++) {
    process.hrtime.bigint();
  }
  for (let i = 0; i < pairs; i++) {
    const a = process.hrtime.bigint();
    const b = process.hrtime.bigint();
    costs[i] = Number(b - a);
  }
  costs.sort();
  return costs[Math.floor(pairs / 2)] ?? 0;
}
