import { expect, it } from 'vitest';
import { startMonitor } from '../src';
import { sleep } from './helpers';

it('reads near 0 % CPU while the process waits idle', async () => {
  const monitor = startMonitor();
  await monitor.ready();
  await sleep(1000);
  const report = await monitor.stop();

  expect(report.samples).toBeGreaterThanOrEqual(10);
  expect(report.cpu_mean).toBeGreaterThanOrEqual(0);
  expect(report.cpu_mean).toBeLessThan(15);
});
