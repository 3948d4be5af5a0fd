import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runColdStart } from '../src/benchmarks/_cold-start-child';

const dir = mkdtempSync(join(tmpdir(), 'kaizen-bench-cold-test-'));
function moduleFile(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

test('the child is a separate process that reports its own span and has exited when the promise settles', async () => {
  const entry = moduleFile(
    'agent.mjs',
    'export async function build(arg) { await new Promise((r) => setTimeout(r, 30)); return { arg, close() {} }; }\n',
  );
  const sample = await runColdStart({ module: entry, exportName: 'build', argument: { n: 1 } });
  expect(sample.pid).not.toBe(process.pid);
  expect(sample.exitCode).toBe(0);
  // The export waited 30 ms: construct >= 30 ms, and the parent saw at least as much.
  expect(sample.constructMs).toBeGreaterThanOrEqual(29);
  expect(sample.importConstructMs).toBeCloseTo(sample.importMs + sample.constructMs, 6);
  expect(sample.spawnToReadyMs).toBeGreaterThan(sample.importConstructMs);
  expect(sample.spawnToExitMs).toBeGreaterThanOrEqual(sample.spawnToReadyMs);
  expect(() => process.kill(sample.pid, 0)).toThrow(/ESRCH/);
});

test('each run is a new process: pids differ', async () => {
  const entry = moduleFile('plain.mjs', 'export const make = () => ({});\n');
  const pids = new Set<number>();
  for (let i = 0; i < 3; i++) pids.add((await runColdStart({ module: entry, exportName: 'make' })).pid);
  expect(pids.size).toBe(3);
});

test('a CommonJS entry works too', async () => {
  const entry = moduleFile('agent.cjs', 'exports.make = () => ({ ok: true });\n');
  const sample = await runColdStart({ module: entry, exportName: 'make' });
  expect(sample.exitCode).toBe(0);
});

test('a failing entry rejects with the child error; a missing export names it', async () => {
  const throwing = moduleFile('throws.mjs', 'throw new Error("runtime failed to load");\n');
  await expect(runColdStart({ module: throwing, exportName: 'x' })).rejects.toThrow(
    /cold-start child exited with code 1: .*runtime failed to load/,
  );
  const noExport = moduleFile('empty.mjs', 'export const other = 1;\n');
  await expect(runColdStart({ module: noExport, exportName: 'build' })).rejects.toThrow(
    /has no function export "build"/,
  );
});
