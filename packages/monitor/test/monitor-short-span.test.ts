import { expect, it } from 'vitest';
import { startMonitor } from '../src';
import { busyFor } from './helpers';

it('takes a final sample at stop, so a span shorter than one interval still gets a reading', async () => {
  const monitor = startMonitor({ intervalMs: 1000 });
  await monitor.ready();
  busyFor(100);
  const report = await monitor.stop();

  expect(report.samples).toBe(1);
  expect(report.cpu_mean).toBeGreaterThan(40);
  expect(report.memory_peak_mb).toBeGreaterThan(10);
  expect(report.threads_peak).toBe(process.platform === 'linux' ? report.threads_mean : 0);
});

it('produces a report when stopped before the sampler was ready, and the same report on a second stop', async () => {
  const monitor = startMonitor();
  const first = monitor.stop();
  const report = await first;
  expect(report.samples).toBe(1);
  expect(report.memory_peak_mb).toBeGreaterThan(10);
  expect(monitor.stop()).toBe(first);
});
