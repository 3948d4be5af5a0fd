import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { MonitorOptionsError, MonitorProcessNotFoundError, startMonitor } from '../src';

it('rejects an interval under 10 ms and a non-positive pid with a coded error', () => {
  expect(() => startMonitor({ intervalMs: 5 })).toThrow(MonitorOptionsError);
  expect(() => startMonitor({ pid: 0 })).toThrow(MonitorOptionsError);
  try {
    startMonitor({ intervalMs: Number.NaN });
    expect.unreachable();
  } catch (error) {
    expect((error as MonitorOptionsError).code).toBe('KB_MONITOR_INVALID_OPTIONS');
  }
});

it('rejects the pid of a process that has exited', () => {
  const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  const pid = Number(exited.stdout);
  expect(pid).toBeGreaterThan(0);
  expect(() => startMonitor({ pid })).toThrow(MonitorProcessNotFoundError);
});
