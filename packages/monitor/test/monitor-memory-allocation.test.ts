import { expect, it } from 'vitest';
import { startMonitor } from '../src';
import { sleep } from './helpers';

const MB = 1024 * 1024;

it('raises memory_peak_mb by about the size of a held 200 MB allocation', async () => {
  const idle = startMonitor();
  await idle.ready();
  await sleep(300);
  const baseline = await idle.stop();

  const monitor = startMonitor();
  await monitor.ready();
  // fill() touches every page, so the allocation is resident, not just reserved.
  let held: Buffer | null = Buffer.alloc(200 * MB).fill(1);
  await sleep(300);
  const report = await monitor.stop();
  expect(held.length).toBe(200 * MB);
  held = null;

  expect(report.memory_peak_mb - baseline.memory_peak_mb).toBeGreaterThanOrEqual(150);
  expect(report.memory_peak_mb).toBeGreaterThanOrEqual(report.memory_mean_mb);
});
