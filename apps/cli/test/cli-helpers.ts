import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built CLI: these tests run it as a user would, in a child process. */
export const binPath = resolve(import.meta.dirname, '../dist/bin.js');
export const fixtureSuite = resolve(import.meta.dirname, 'fixtures/busy-suite.mjs');

export interface CliRun {
  /** The CLI process's pid (gone once the run has settled). */
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'kaizen-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts the CLI; `onStderr` sees progress as it arrives (e.g. to send SIGINT at the right moment). */
export function startCli(
  args: string[],
  options: {
    env?: Record<string, string>;
    onStderr?: (text: string, child: ChildProcess) => void;
    /** SIGKILL the CLI after this long, ms. @default 50000 */
    timeoutMs?: number;
  } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [binPath, ...args], {
    env: { ...process.env, CI: 'true', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    options.onStderr?.(stderr, child);
  });
  // A hung CLI must not outlive its test (vitest's time-out does not end child processes).
  const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 50_000);
  return new Promise((done) =>
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      done({ pid: child.pid as number, code, signal, stdout, stderr });
    }),
  );
}
