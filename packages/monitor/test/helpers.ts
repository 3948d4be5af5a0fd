import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** Keeps the main thread busy (no event loop turn) for `ms`; returns the CPU share it got, % of one core. */
export function busyFor(ms: number): number {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < ms) {}
  const cpu = process.cpuUsage(cpuBefore);
  return ((cpu.user + cpu.system) / 1000 / (performance.now() - start)) * 100;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The bar a "busy" reading must clear: ~one core (> 60 %) when the machine gives the loop a core, less
 * when other processes on a loaded 2-core machine take part of it (`truth` is the share it really got).
 */
export const busyThreshold = (truthPercent: number): number => Math.min(60, truthPercent * 0.75);

export interface BusyChild {
  child: ChildProcess;
  /** Resolves when the child exits, with the CPU share its loop got (its own process.cpuUsage), % of one core. */
  truth: Promise<number>;
}

/** A real `node` child spinning one core for `ms`, then printing the CPU share it got and exiting. */
export async function spawnBusyChild(ms: number): Promise<BusyChild> {
  const source = `
    process.stdout.write('go\\n');
    const cpu0 = process.cpuUsage(); const t0 = performance.now();
    while (performance.now() - t0 < ${ms}) {}
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(JSON.stringify(((cpu.user + cpu.system) / 1000 / (performance.now() - t0)) * 100));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    output += chunk;
  });
  const truth = once(child, 'close').then(() => Number(output.split('\n')[1]));
  // Wait until node is up and spinning, so the sampled span is the busy loop, not node's start-up.
  while (!output.includes('\n')) await once(child.stdout!, 'data');
  return { child, truth };
}

export function killChild(busy: BusyChild | undefined): void {
  const child = busy?.child;
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
