import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtEntryPath } from '../agent-subject';
import type { HoldServer } from '../hold-server';
import type { SignalChildEntry } from '../subject';
import type { InterruptTaskSpec } from '../task';

type Message = { type: string; [key: string]: unknown };
type Listeners = { SIGINT: number; SIGTERM: number };

/** One OS-signal detection, as the parent and the child saw it. */
export interface SignalSample {
  signal: 'SIGINT' | 'SIGTERM';
  /** Parent: `process.hrtime.bigint()` just before `kill()`. */
  firedAt: bigint;
  /** Child: when its loop (or, for the floor, the bare handler's awaiting code) observed the signal. */
  detectedAt: bigint;
}

/** A child process running the subject's agent, started once and reused for every signal sample. */
export interface SignalChild {
  readonly pid: number;
  /** Listener counts the child had before any run: every run must leave them so. */
  readonly baseline: Listeners;
  /** Runs the task in the child (`agent`) or the bare floor; sends `signal` once its long request arrived. */
  sample(mode: 'agent' | 'floor', signal: 'SIGINT' | 'SIGTERM', hold: HoldServer): Promise<SignalSample>;
  /** Ends the child: stdin closed, then SIGKILL if it has not exited within 3 s. */
  stop(): Promise<void>;
}

const toPath = (module: string): string | null =>
  module.startsWith('file:') ? fileURLToPath(module) : isAbsolute(module) ? module : null;

/** Why the signal source cannot run, or undefined when it can: the child program and the entry are built. */
export function signalChildProblem(entry: SignalChildEntry | undefined): string | undefined {
  if (!entry) return 'the subject has no signalChild entry';
  const program = builtEntryPath('signal-child');
  if (!existsSync(program)) return `the child program ${program} is missing: build it first (pnpm build)`;
  const path = toPath(entry.module);
  if (path !== null && !existsSync(path))
    return `the signal-child entry ${path} is missing: build it first (pnpm build)`;
  return undefined;
}

/**
 * Starts the child program with the subject's entry and the task spec; resolves once the child's agent is
 * ready (its model loaded). `signal` aborts the start and kills the child.
 */
export function startSignalChild(
  entry: SignalChildEntry,
  spec: InterruptTaskSpec,
  signal?: AbortSignal,
): Promise<SignalChild> {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const module = toPath(entry.module) ? pathToFileURL(toPath(entry.module) as string).href : entry.module;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      builtEntryPath('signal-child'),
      module,
      entry.exportName,
      JSON.stringify(entry.argument ?? null),
      JSON.stringify(spec),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'], env },
  );
  let stderr = '';
  let buffer = '';
  const inbox: Message[] = [];
  let waiter: { resolve: (m: Message) => void; reject: (e: Error) => void } | undefined;
  let exited: Error | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deliver = () => {
    while (waiter && (inbox.length > 0 || exited)) {
      const w = waiter;
      waiter = undefined;
      const message = inbox.shift();
      if (message) w.resolve(message);
      else w.reject(exited as Error);
    }
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.startsWith('{')) inbox.push(JSON.parse(line) as Message);
      newline = buffer.indexOf('\n');
    }
    deliver();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.once('exit', (code, sig) => {
    const last = stderr.trim().split('\n').filter(Boolean).at(-1) ?? '';
    exited = new Error(`signal child exited (${code ?? sig})${last ? `: ${last}` : ''}`);
    deliver();
  });
  child.once('error', (error) => {
    exited = error;
    deliver();
  });
  const next = (): Promise<Message> =>
    new Promise((resolve, reject) => {
      waiter = { resolve, reject };
      deliver();
    });
  const expect = async (type: string): Promise<Message> => {
    const message = await next();
    if (message.type === 'error') throw new Error(`signal child: ${String(message['message'])}`);
    if (message.type !== type)
      throw new Error(`signal child: expected ${type}, got ${JSON.stringify(message)}`);
    return message;
  };
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  signal?.addEventListener('abort', kill, { once: true });

  const stop = async () => {
    signal?.removeEventListener('abort', kill);
    child.stdin?.end();
    const timer = setTimeout(kill, 3000);
    await exit;
    clearTimeout(timer);
  };

  return expect('ready').then(
    (ready) => {
      const baseline = ready['listeners'] as Listeners;
      return {
        pid: child.pid as number,
        baseline,
        async sample(mode, sig, hold) {
          const arrived = hold.nextRequest();
          child.stdin?.write(`${JSON.stringify({ type: mode === 'agent' ? 'run' : 'floor' })}\n`);
          // The child's answer comes after the signal; one before the long request means the run failed.
          const answer = next();
          const early = await Promise.race([arrived.then(() => undefined), answer]);
          if (early) throw new Error(`signal child: ${JSON.stringify(early)} before its long step`);
          const firedAt = process.hrtime.bigint();
          process.kill(child.pid as number, sig);
          const done = await answer;
          if (done.type !== 'done') throw new Error(`signal child: ${JSON.stringify(done)}`);
          const after = done['listeners'] as Listeners;
          if (after.SIGINT !== baseline.SIGINT || after.SIGTERM !== baseline.SIGTERM) {
            throw new Error(
              `signal child: handlers left installed after a run (SIGINT ${baseline.SIGINT} -> ${after.SIGINT}, SIGTERM ${baseline.SIGTERM} -> ${after.SIGTERM})`,
            );
          }
          if (done['signal'] !== sig)
            throw new Error(`signal child: sent ${sig}, the run saw ${String(done['signal'])}`);
          return { signal: sig, firedAt, detectedAt: BigInt(done['detectedAt'] as string) };
        },
        stop,
      };
    },
    async (error: unknown) => {
      kill();
      await exit;
      throw error;
    },
  );
}
