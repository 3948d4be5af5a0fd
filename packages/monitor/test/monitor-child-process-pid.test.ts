import { afterEach, expect, it } from 'vitest';
import { startMonitor } from '../src';
import { killChild, sleep, spawnBusyChild } from './helpers';

let child: Awaited<ReturnType<typeof spawnBusyChild>> | undefined;
afterEach(() => child && killChild(child));

it('reads a busy child process by pid while the parent idles, without main-thread fields', async () => {
  child = await spawnBusyChild(5000);
  const monitor = startMonitor({ pid: child.pid! });
  expect(monitor.pid).toBe(child.pid);
  await monitor.ready();
  await sleep(1000);
  const report = await monitor.stop();

  expect(report.samples).toBeGreaterThanOrEqual(10);
  expect(report.cpu_mean).toBeGreaterThan(60);
  expect(report.memory_peak_mb).toBeGreaterThan(10);
  // Heap and event-loop delay are only visible from inside the monitored process.
  expect(report.heap_used_peak_mb).toBeUndefined();
  expect(report.event_loop_delay_p99_ms).toBeUndefined();
});
