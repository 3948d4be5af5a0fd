import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SignalChild, signalChildProblem, startSignalChild } from '../src/benchmarks/_signal-child';
import { createAgentSubject, type HoldServer, startHoldServer } from '../src/index';

let hold: HoldServer;
let dir: string;
const started: SignalChild[] = [];
beforeAll(async () => {
  hold = await startHoldServer();
  dir = await mkdtemp(join(tmpdir(), 'kaizen-bench-signal-child-test-'));
});
afterAll(async () => {
  await Promise.all(started.map((child) => child.stop()));
  await hold.close();
  await rm(dir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** An entry a third party could write: runs the task's tool itself; `leak` keeps a SIGINT handler. */
async function entry(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, body);
  return path;
}
const LOOP = `
  let handler;
  const controller = new AbortController();
  handler = () => controller.abort();
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  try { for (;;) await task.tool.execute({}, { signal: controller.signal }); }
  catch { /* interrupted */ }
`;

it('the default agent runs in one child for many samples: the parent signals it, the child stamps it', async () => {
  const subject = createAgentSubject();
  expect(signalChildProblem(subject.signalChild)).toBeUndefined();
  const child = await startSignalChild(subject.signalChild!, { holdUrl: hold.url }, undefined);
  started.push(child);
  expect(child.pid).not.toBe(process.pid);
  for (const [mode, signal] of [
    ['agent', 'SIGINT'],
    ['agent', 'SIGTERM'],
    ['floor', 'SIGINT'],
    ['agent', 'SIGINT'],
  ] as const) {
    const sample = await child.sample(mode, signal, hold);
    expect(sample.signal).toBe(signal);
    // The child's stamp comes after the parent's: one monotonic clock for both processes.
    expect(sample.detectedAt).toBeGreaterThan(sample.firedAt);
  }
  await child.stop();
  expect(alive(child.pid)).toBe(false);
}, 120_000);

it('a child whose run leaves its signal handlers installed fails the sample, naming the leak', async () => {
  const module = await entry(
    'leaky.mjs',
    `export function build(_arg, task) { return { async runUntilSignal() { ${LOOP} return { detectedAt: process.hrtime.bigint(), signal: 'SIGINT' }; } }; }\n`,
  );
  const child = await startSignalChild({ module, exportName: 'build' }, { holdUrl: hold.url });
  started.push(child);
  await expect(child.sample('agent', 'SIGINT', hold)).rejects.toThrow(
    /handlers left installed after a run \(SIGINT 0 -> 1, SIGTERM 0 -> 1\)/,
  );
  await child.stop();
});

it('a run with no handler lets the signal kill the child; closing stdin ends a busy child', async () => {
  const deaf = await entry(
    'deaf.mjs',
    `export function build(_arg, task) { return { async runUntilSignal() { for (;;) await task.tool.execute({}, { signal: new AbortController().signal }); } }; }\n`,
  );
  const child = await startSignalChild({ module: deaf, exportName: 'build' }, { holdUrl: hold.url });
  started.push(child);
  await expect(child.sample('agent', 'SIGTERM', hold)).rejects.toThrow(/signal child exited \(SIGTERM\)/);
  expect(alive(child.pid)).toBe(false);

  // A parent that goes away mid-run (its end of stdin closes) takes the child with it.
  const busy = await startSignalChild({ module: deaf, exportName: 'build' }, { holdUrl: hold.url });
  started.push(busy);
  const arrived = hold.nextRequest();
  void busy.sample('agent', 'SIGINT', hold).catch(() => {});
  await arrived;
  await busy.stop();
  expect(alive(busy.pid)).toBe(false);
});

it('a missing entry is named, and a broken one fails the start with its error', async () => {
  expect(signalChildProblem(undefined)).toMatch(/no signalChild entry/);
  expect(signalChildProblem({ module: join(dir, 'nope.mjs'), exportName: 'x' })).toMatch(
    /nope.mjs is missing: build it first/,
  );
  const broken = await entry(
    'broken.mjs',
    'export function build() { throw new Error("agent failed to start"); }\n',
  );
  await expect(
    startSignalChild({ module: broken, exportName: 'build' }, { holdUrl: hold.url }),
  ).rejects.toThrow(/agent failed to start/);
  const empty = await entry('empty.mjs', 'export const other = 1;\n');
  await expect(
    startSignalChild({ module: empty, exportName: 'build' }, { holdUrl: hold.url }),
  ).rejects.toThrow(/has no function export "build"/);
});
