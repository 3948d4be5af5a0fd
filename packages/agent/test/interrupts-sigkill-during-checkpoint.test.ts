import { type ChildProcess, spawn } from 'node:child_process';
import { type FSWatcher, watch } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CheckpointStore, resumePointFromState } from '../src/index';
import { compileAgentRuntime } from './_interrupts';

const CHILD = fileURLToPath(new URL('./fixtures/interrupts-child.cjs', import.meta.url));
const ROUNDS = 6;
// The interrupted run's completed step holds ~24 MB: its checkpoint takes long enough to write (serialize,
// SHA-256, write, fsync) that a SIGKILL right after the interrupt lands in the middle of it.
const BIG_BYTES = 24 * 1024 * 1024;
let runtime: string;
let root: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  runtime = await compileAgentRuntime();
  root = await mkdtemp(join(tmpdir(), 'kzb-interrupt-kill-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await rm(runtime, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

/**
 * Runs the child until its second run is busy and interrupts it with SIGINT. Then SIGKILLs it `delayMs` after
 * the interrupt checkpoint's temp file appears in `dir` (the write has begun), or never with `undefined`.
 */
function interruptThenKill(
  dir: string,
  delayMs: number | undefined,
): Promise<{ previous: string; signal: NodeJS.Signals | null; sawTempFile: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CHILD, runtime, 'kill-during-checkpoint', dir, String(BIG_BYTES)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.add(child);
    let stdout = '';
    let stderr = '';
    let previous = '';
    let fired = false;
    let sawTempFile = false;
    let watcher: FSWatcher | undefined;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      previous ||= /^previous (\S+)$/m.exec(stdout)?.[1] ?? '';
      // The second `busy`: the second run's long step, after its big step completed.
      if (!fired && previous && stdout.split('\n').filter((l) => l === 'busy').length >= 2) {
        fired = true;
        watcher = watch(dir, (_event, name) => {
          if (sawTempFile || !name?.startsWith('.')) return;
          sawTempFile = true;
          if (delayMs !== undefined) setTimeout(() => child.kill('SIGKILL'), delayMs);
        });
        child.kill('SIGINT');
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      watcher?.close();
      if (!fired || (delayMs === undefined && code !== 0)) {
        reject(new Error(`child exited (${code ?? signal}) unexpectedly: ${stdout} ${stderr}`));
        return;
      }
      resolve({ previous, signal, sawTempFile });
    });
  });
}

it('SIGKILL during the interrupt checkpoint leaves the previous checkpoint loadable', async () => {
  // Untouched, the interrupt checkpoint completes (and its write shows as a temp file first).
  const calibration = await interruptThenKill(join(root, 'untouched'), undefined);
  expect(calibration.sawTempFile).toBe(true);
  expect(
    resumePointFromState((await new CheckpointStore({ dir: join(root, 'untouched') }).load()).state).input,
  ).toBe('second');
  let killedMidSave = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const dir = join(root, `round-${round}`);
    // Killed 0-10 ms into the write of ~24 MB: during write(), fsync() or just before the rename.
    const { previous, signal } = await interruptThenKill(dir, (round * 2) % 11);
    expect(signal).toBe('SIGKILL');
    const tempLeft = (await readdir(dir)).some((name) => name.startsWith('.'));
    // A fresh store (as after a restart) loads the newest checkpoint without falling back: either the
    // previous one or the complete new one, never a torn file.
    const store = new CheckpointStore({ dir });
    const loaded = await store.load();
    const point = resumePointFromState(loaded.state);
    if (loaded.id === previous) {
      expect(point.input).toBe('first');
      if (tempLeft) killedMidSave++;
    } else {
      expect(point.input).toBe('second');
      expect(point.progress.steps).toBe(1);
    }
    expect((await store.list()).map((c) => c.id)).toContain(previous);
  }
  console.log(`${killedMidSave}/${ROUNDS} kills hit the checkpoint write`);
  expect(killedMidSave).toBeGreaterThan(0);
}, 120_000);
