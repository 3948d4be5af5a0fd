import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** Keeps the main thread busy (no event loop turn) for `ms`. */
export function busyFor(ms: number): number {
  const end = performance.now() + ms;
  let spins = 0;
  while (performance.now() < end) spins++;
  return spins;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A real `node` child spinning one core for `ms`, then exiting. */
export async function spawnBusyChild(ms: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-e', `process.stdout.write('go\\n'); const end = Date.now() + ${ms}; while (Date.now() < end) {}`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // Wait until node is up and spinning, so the sampled span is the busy loop, not node's start-up.
  await once(child.stdout!, 'data');
  return child;
}

export function killChild(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
