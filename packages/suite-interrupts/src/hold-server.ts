import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the hold server received and never answers. */
export interface HeldRequest {
  /** `process.hrtime.bigint()` when its headers arrived: the long step is in flight. */
  arrivedAt: bigint;
  /** The query string, e.g. `?page=3`. */
  query: string;
  /** Resolves with `process.hrtime.bigint()` when the client closed the connection (it gave up: aborted). */
  closed: Promise<bigint>;
}

/**
 * A loopback HTTP server (127.0.0.1, an ephemeral port) that answers nothing: the long step of the task is a
 * request to it, in flight until the client aborts. It tells when each request arrives and when its
 * connection closes, so a benchmark fires its interrupt while the step is truly waiting on I/O.
 */
export interface HoldServer {
  /** `http://127.0.0.1:<port>/hold`. */
  readonly url: string;
  /** The next request to arrive after this call: arm it before the run that makes the request starts. */
  nextRequest(): Promise<HeldRequest>;
  /** Requests received so far. */
  readonly received: number;
  /** Closes every held connection and the server. */
  close(): Promise<void>;
}

/** Starts a {@link HoldServer}. */
export async function startHoldServer(): Promise<HoldServer> {
  // Everyone waiting gets the next request: a waiter whose run never made one (it was interrupted before its
  // long step) then does no harm to the next run's.
  let waiting: Array<(request: HeldRequest) => void> = [];
  let received = 0;
  const server = createServer((req: IncomingMessage) => {
    const arrivedAt = process.hrtime.bigint();
    received++;
    const closed = new Promise<bigint>((resolve) =>
      req.socket.once('close', () => resolve(process.hrtime.bigint())),
    );
    const held: HeldRequest = { arrivedAt, query: (req.url ?? '').replace(/^[^?]*/, ''), closed };
    const current = waiting;
    waiting = [];
    for (const resolve of current) resolve(held);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hold`,
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    get received() {
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
