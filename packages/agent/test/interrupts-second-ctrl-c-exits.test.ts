import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileAgentRuntime } from './_interrupts';

const CHILD = fileURLToPath(new URL('./fixtures/interrupts-child.cjs', import.meta.url));
let runtime: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  runtime = await compileAgentRuntime();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await rm(runtime, { recursive: true, force: true });
});

/** Starts the child scenario; `waitFor(pattern)` resolves with the first stdout line matching it. */
function startChild(scenario: string) {
  const child = spawn(process.execPath, [CHILD, runtime, scenario], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const waiter of [...waiters]) {
      const line = stdout.split('\n').find((l) => waiter.pattern.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  const waitFor = (pattern: RegExp) =>
    Promise.race([
      new Promise<string>((resolve) => waiters.push({ pattern, resolve })),
      exited.then(({ code, signal }) => {
        throw new Error(`child exited (${code ?? signal}) before ${pattern}: ${stdout} ${stderr}`);
      }),
    ]);
  return { child, waitFor, exited, output: () => stdout };
}

it('after an interruptible run its handlers are gone: the next Ctrl-C ends the process', async () => {
  const { child, waitFor, exited } = startChild('after-run');
  const before = await waitFor(/^before /);
  const after = await waitFor(/^completed /);
  // No listener left behind: the counts after the run are those before it.
  expect(after.replace('completed ', '')).toBe(before.replace('before ', ''));
  child.kill('SIGINT');
  expect(await exited).toEqual({ code: null, signal: 'SIGINT' });
});

it('a second Ctrl-C during the graceful shutdown ends the process at once', async () => {
  const { child, waitFor, exited, output } = startChild('second-signal');
  await waitFor(/^busy$/);
  child.kill('SIGINT');
  // The first one interrupted the run and started the shutdown; its hook hangs (60 s timeout).
  await waitFor(/^hook$/);
  child.kill('SIGINT');
  expect(await exited).toEqual({ code: null, signal: 'SIGINT' });
  expect(output()).not.toMatch(/returned/);
});

it('a signal interrupts a run whose llama.cpp provider loaded during the run (signal-exit installed after us)', async () => {
  const { child, waitFor, exited } = startChild('lazy-llama');
  await waitFor(/^busy$/);
  child.kill('SIGINT');
  expect(await waitFor(/^returned /)).toBe('returned interrupted signal SIGINT closed=true');
  expect(await exited).toEqual({ code: 0, signal: null });
}, 120_000);
