import { expect, it } from 'vitest';
import { startMonitor } from '../src';
import { busyFor, sleep } from './helpers';

it('reports the event-loop delay and heap peak of the own main thread', async () => {
  const monitor = startMonitor();
  await monitor.ready();
  await sleep(200);
  busyFor(400);
  await sleep(100);
  const report = await monitor.stop();

  // One timer turn was late by the whole 400 ms block; the idle turns around it were on time.
  expect(report.event_loop_delay_p99_ms).toBeGreaterThan(300);
  expect(report.event_loop_delay_p50_ms).toBeLessThan(50);
  expect(report.heap_used_peak_mb).toBeGreaterThan(1);
});
