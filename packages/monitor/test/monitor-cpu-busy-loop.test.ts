import { expect, it } from 'vitest';
import { startMonitor } from '../src';
import { busyFor, busyThreshold } from './helpers';

it('reads ~one busy core and keeps sampling while a synchronous loop blocks the main thread', async () => {
  const monitor = startMonitor({ intervalMs: 50 });
  await monitor.ready();
  const truth = busyFor(1000);
  const report = await monitor.stop();

  expect(report.method).toBe(process.platform === 'linux' ? 'procfs' : 'portable');
  // ~20 intervals of 50 ms elapsed inside the block: a main-thread timer would have produced none.
  expect(report.samples).toBeGreaterThanOrEqual(10);
  expect(report.cpu_mean).toBeGreaterThan(busyThreshold(truth));
  // Agrees with the process's own account of the same span (getrusage).
  expect(Math.abs(report.cpu_mean - truth)).toBeLessThan(20);
  expect(report.cpu_peak).toBeGreaterThanOrEqual(report.cpu_mean);
  expect(report.interval_ms).toBe(50);
});
