import { afterEach, expect, it } from 'vitest';
import { startMonitor } from '../src';
import { type BusyChild, busyThreshold, killChild, spawnBusyChild } from './helpers';

let busy: BusyChild | undefined;
afterEach(() => killChild(busy));

it('reads a busy child process by pid while the parent idles, until the child exits', async () => {
  busy = await spawnBusyChild(1000);
  const monitor = startMonitor({ pid: busy.child.pid! });
  expect(monitor.pid).toBe(busy.child.pid);
  await monitor.ready();
  const truth = await busy.truth;
  // The child has exited: the sampler noticed and kept what it had.
  const report = await monitor.stop();

  expect(report.samples).toBeGreaterThanOrEqual(10);
  expect(report.cpu_mean).toBeGreaterThan(busyThreshold(truth));
  expect(Math.abs(report.cpu_mean - truth)).toBeLessThan(20);
  expect(report.memory_peak_mb).toBeGreaterThan(10);
  // Heap and event-loop delay are only visible from inside the monitored process.
  expect(report.heap_used_peak_mb).toBeUndefined();
  expect(report.event_loop_delay_p99_ms).toBeUndefined();
});
