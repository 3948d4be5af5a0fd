import { afterEach, expect, it } from 'vitest';
import { MonitorOptionsError, startMonitor } from '../src';
import { type BusyChild, busyFor, busyThreshold, killChild, sleep, spawnBusyChild } from './helpers';

let busy: BusyChild | undefined;
afterEach(() => killChild(busy));

it('portable method reads the own busy process from the worker, without thread counts', async () => {
  const monitor = startMonitor({ method: 'portable' });
  expect(monitor.method).toBe('portable');
  await monitor.ready();
  const truth = busyFor(600);
  const report = await monitor.stop();

  expect(report.method).toBe('portable');
  expect(report.samples).toBeGreaterThanOrEqual(6);
  expect(report.cpu_mean).toBeGreaterThan(busyThreshold(truth));
  expect(Math.abs(report.cpu_mean - truth)).toBeLessThan(20);
  expect(report.memory_peak_mb).toBeGreaterThan(10);
  expect(report.threads_peak).toBe(0);
});

it('portable method reads another process through pidusage', async () => {
  busy = await spawnBusyChild(1000);
  const monitor = startMonitor({ pid: busy.child.pid!, method: 'portable' });
  await monitor.ready();
  await sleep(800);
  const report = await monitor.stop();
  const truth = await busy.truth;

  expect(report.method).toBe('portable');
  expect(report.cpu_mean).toBeGreaterThan(busyThreshold(truth));
  expect(report.memory_peak_mb).toBeGreaterThan(10);
});

it('portable method refuses includeChildren, which needs /proc', () => {
  expect(() => startMonitor({ method: 'portable', includeChildren: true })).toThrow(MonitorOptionsError);
});
