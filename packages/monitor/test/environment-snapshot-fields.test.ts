import { hostname, userInfo } from 'node:os';
import { expect, it } from 'vitest';
import { snapshotEnvironment } from '../src';

it('describes the machine with typed fields and no host or user name', async () => {
  const snapshot = await snapshotEnvironment();

  expect(typeof snapshot.cpu.brand).toBe('string');
  expect(typeof snapshot.cpu.manufacturer).toBe('string');
  expect(snapshot.cpu.logical_cores).toBeGreaterThanOrEqual(1);
  expect(snapshot.cpu.physical_cores).toBeGreaterThanOrEqual(1);
  expect(snapshot.cpu.speed_ghz).toBeGreaterThanOrEqual(0);
  expect(snapshot.memory_total_gb).toBeGreaterThan(0);
  expect(snapshot.os.platform).toBe(process.platform);
  expect(snapshot.os.arch.length).toBeGreaterThan(0);
  expect(typeof snapshot.os.kernel).toBe('string');
  expect(snapshot.virtualization === null || typeof snapshot.virtualization === 'string').toBe(true);
  expect(snapshot.node_version).toBe(process.version);
  expect(snapshot.load_average).toHaveLength(3);
  for (const load of snapshot.load_average) expect(typeof load).toBe('number');
  expect(Number.isNaN(Date.parse(snapshot.captured_at))).toBe(false);

  const text = JSON.stringify(snapshot);
  expect(text).not.toContain(hostname());
  expect(text).not.toContain(`"${userInfo().username}"`);
  expect(Object.keys(snapshot).sort()).toEqual(
    ['captured_at', 'cpu', 'load_average', 'memory_total_gb', 'node_version', 'os', 'virtualization'].sort(),
  );
});

it('measures once and returns the cached snapshot afterwards', async () => {
  const first = await snapshotEnvironment();
  const second = await snapshotEnvironment();
  expect(second).toBe(first);
});
