import { afterEach, expect, it } from 'vitest';
import { startMonitor } from '../src';
import { type BusyChild, busyThreshold, killChild, sleep, spawnBusyChild } from './helpers';

let busy: BusyChild | undefined;
afterEach(() => killChild(busy));

it.skipIf(process.platform !== 'linux')('includeChildren adds a busy child to the idle parent', async () => {
  busy = await spawnBusyChild(1200);
  const tree = startMonitor({ includeChildren: true });
  const own = startMonitor();
  await Promise.all([tree.ready(), own.ready()]);
  await sleep(1000);
  const [treeReport, ownReport] = await Promise.all([tree.stop(), own.stop()]);
  const truth = await busy.truth;

  expect(treeReport.cpu_mean).toBeGreaterThan(busyThreshold(truth));
  expect(treeReport.cpu_mean - ownReport.cpu_mean).toBeGreaterThan(busyThreshold(truth) - 10);
  // The child's node process has its own RSS (tens of MB) and threads.
  expect(treeReport.memory_peak_mb - ownReport.memory_peak_mb).toBeGreaterThan(10);
  expect(treeReport.threads_peak - ownReport.threads_peak).toBeGreaterThanOrEqual(2);
});

it.skipIf(process.platform !== 'linux')('includeChildren counts a child born during the span', async () => {
  const tree = startMonitor({ includeChildren: true });
  await tree.ready();
  busy = await spawnBusyChild(700);
  await busy.truth;
  const report = await tree.stop();
  // The parent idles; only the child born after the baseline can produce this CPU.
  expect(report.cpu_mean).toBeGreaterThan(25);
});
