import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { startMonitor } from '../src';
import { sleep } from './helpers';

it('raises threads_peak by at least 4 when 4 worker threads run', async () => {
  const idle = startMonitor();
  await idle.ready();
  await sleep(200);
  const baseline = await idle.stop();

  const monitor = startMonitor();
  await monitor.ready();
  const workers = Array.from({ length: 4 }, () => new Worker('setInterval(() => {}, 1000)', { eval: true }));
  try {
    await Promise.all(workers.map((worker) => once(worker, 'online')));
    await sleep(200);
    const report = await monitor.stop();
    expect(report.threads_peak - baseline.threads_peak).toBeGreaterThanOrEqual(4);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
});
