import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { SignalChildAgent } from './subject';
import { createInterruptTask, type InterruptTaskSpec } from './task';

/**
 * The OS-signal child program (the package's built `signal-child` entry). argv: the subject's module (path or
 * URL), its export, the export's argument (JSON) and the task spec (JSON). Protocol, one JSON object per line:
 * the child says `ready`; each `{"type":"run"}` runs the task on the subject's agent, `{"type":"floor"}` the
 * same long request with a bare signal handler; both answer `done` with `detectedAt` (hrtime ns) and the
 * SIGINT/SIGTERM listener counts after the run. End of stdin ends the child.
 */

type Message = Record<string, unknown>;
const send = (message: Message) => process.stdout.write(`${JSON.stringify(message)}\n`);
const listeners = () => ({
  SIGINT: process.listenerCount('SIGINT'),
  SIGTERM: process.listenerCount('SIGTERM'),
});

/** The floor: the same in-flight request, a bare once-handler per signal aborting it; observed when it rejects. */
async function bareSignalWait(holdUrl: string): Promise<{ detectedAt: bigint; signal: string }> {
  const controller = new AbortController();
  let caught = '';
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      caught = signal;
      for (const [name, h] of handlers) process.removeListener(name, h);
      controller.abort();
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  await fetch(`${holdUrl}?floor`, { signal: controller.signal }).catch(() => {});
  return { detectedAt: process.hrtime.bigint(), signal: caught };
}

async function main(): Promise<void> {
  const [module, exportName, argument, specJson] = process.argv.slice(2);
  const spec = JSON.parse(specJson ?? '{}') as InterruptTaskSpec;
  const { task, beginRun } = createInterruptTask(spec);
  const url = /^[a-z]+:/.test(module ?? '') ? (module as string) : pathToFileURL(module ?? '').href;
  const mod = (await import(url)) as Record<string, unknown> & { default?: Record<string, unknown> };
  const build = (mod[exportName ?? ''] ?? mod.default?.[exportName ?? '']) as
    | ((arg: unknown, t: typeof task) => SignalChildAgent | Promise<SignalChildAgent>)
    | undefined;
  if (typeof build !== 'function')
    throw new Error(`${module} has no function export ${JSON.stringify(exportName)}`);
  const agent = await build(JSON.parse(argument ?? 'null'), task);
  let closing = false;
  const finish = async (code: number) => {
    if (closing) return;
    closing = true;
    // Never outlive the parent: a stuck close does not hold the process.
    setTimeout(() => process.exit(code), 2000).unref();
    await Promise.resolve(agent.close?.()).catch(() => {});
    process.exit(code);
  };
  send({ type: 'ready', pid: process.pid, listeners: listeners() });
  const lines = createInterface({ input: process.stdin });
  lines.on('close', () => void finish(0));
  for await (const line of lines) {
    const command = JSON.parse(line) as { type: string };
    try {
      if (command.type === 'run') {
        beginRun();
        const out = await agent.runUntilSignal();
        send({
          type: 'done',
          detectedAt: String(out.detectedAt),
          signal: out.signal ?? '',
          listeners: listeners(),
        });
      } else if (command.type === 'floor') {
        const out = await bareSignalWait(spec.holdUrl);
        send({
          type: 'done',
          detectedAt: String(out.detectedAt),
          signal: out.signal,
          listeners: listeners(),
        });
      }
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
