import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rename, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HoldServer } from '../hold-server';

/**
 * The rawest interrupt of an in-flight step: a plain `fetch` to the hold server, an `AbortController`
 * aborted once the request arrived, observed when the awaiting code sees the rejection. No agent.
 */
export async function rawAbortInFlight(hold: HoldServer): Promise<{ firedAt: bigint; detectedAt: bigint }> {
  const controller = new AbortController();
  const arrived = hold.nextRequest();
  const request = fetch(`${hold.url}?raw`, { signal: controller.signal }).then(
    () => {
      throw new Error('the hold server answered');
    },
    () => process.hrtime.bigint(),
  );
  await arrived;
  const firedAt = process.hrtime.bigint();
  controller.abort();
  return { firedAt, detectedAt: await request };
}

export const RAW_ABORT_DESCRIPTION =
  'a plain fetch() to the same loopback server, its AbortController aborted once the request arrived, observed when the awaiting code sees the rejection';

/** The floor of Graceful Shutdown: the same resources released by hand, no agent, hooks or timeouts. */
export async function rawShutdown(
  hold: HoldServer,
  dir: string,
  n: number,
): Promise<{ firedAt: bigint; stoppedAt: bigint }> {
  const server: Server = createServer((_req, res) => res.end('{"status":"running"}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const log = await open(join(dir, `floor-${n}.log`), 'a');
  const memory = new Map<string, string[]>([['default', ['turn']]]);
  const { firedAt } = await rawAbortInFlight(hold);
  await new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  await log.close();
  memory.clear();
  return { firedAt, stoppedAt: process.hrtime.bigint() };
}

export const RAW_SHUTDOWN_DESCRIPTION =
  'the same in-flight request aborted by hand (plain fetch + AbortController, awaited until it rejects), then the same loopback HTTP server closed and the same log file handle closed, then a Map cleared; no agent, hooks, timeouts or close sequencing';

/** The floor of Checkpoint on Interrupt: the rawest interrupt, then the same number of bytes written durably. */
export interface RawDurableWriter {
  write(bytes: Buffer): Promise<void>;
  close(): Promise<void>;
}

export async function createRawDurableWriter(): Promise<RawDurableWriter & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'kaizen-bench-interrupts-floor-'));
  const target = join(dir, 'floor.bin');
  const temp = join(dir, '.floor.bin.tmp');
  return {
    dir,
    async write(bytes) {
      const file = await open(temp, 'w');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, target);
      const directory = await open(dir, 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

/** `size` random bytes (as incompressible as anything a checkpoint holds). */
export const floorBytes = (size: number): Buffer => randomBytes(size);

export const RAW_CHECKPOINT_DESCRIPTION =
  'the rawest interrupt of the same in-flight request (plain fetch aborted by hand), then as many bytes as the checkpoint written with plain fs calls: temp file write + fsync + close + rename + directory fsync; no state built, serialized or checksummed';
