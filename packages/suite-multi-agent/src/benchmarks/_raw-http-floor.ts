import { Agent, createServer, request, type Server } from 'node:http';
import type { JsonValue } from '@kaizen-bench/agent';
import type { WireExchange } from '../subject';

/** The floor of one A2A round trip: the same request bytes POSTed with `node:http`, the same response bytes back. */
export interface RawHttpFloor {
  /** POST the request body, read the whole response, `JSON.parse` it. */
  post(): Promise<unknown>;
  readonly server: Server;
  readonly port: number;
  /** The body of the last request the server read, as text. */
  readonly lastRequest: string | undefined;
  close(): Promise<void>;
}

export const RAW_HTTP_FLOOR_DESCRIPTION =
  'node:http POST of the same JSON request body to a plain node:http server on 127.0.0.1 (keep-alive on both ' +
  'sides, one socket), which reads the body and answers with the same response bytes; the client reads the ' +
  'response and JSON.parses it. No JSON-RPC dispatch, A2A validation, task store or express routing.';

/** A plain server answering every request with `exchange.response`, and a keep-alive client POSTing `exchange.request`. */
export async function startRawHttpFloor(exchange: WireExchange): Promise<RawHttpFloor> {
  const requestBody = Buffer.from(exchange.request);
  const responseBody = Buffer.from(exchange.response);
  let last: Buffer | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      last = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': responseBody.length });
      res.end(responseBody);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve());
  });
  const { port } = server.address() as { port: number };
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    server,
    port,
    get lastRequest() {
      return last?.toString('utf8');
    },
    post: () =>
      new Promise<JsonValue>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/a2a/jsonrpc',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': requestBody.length },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              try {
                resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
              } catch (error) {
                reject(error);
              }
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(requestBody);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * An A2A 1.0 JSON-RPC `SendMessage` request for `text` and an echo reply, as the SDK writes them: the floor's
 * payload when the subject records no exchange of its own.
 */
export function canonicalExchange(text: string): WireExchange {
  const part = { text, mediaType: 'text/plain' };
  return {
    request: JSON.stringify({
      jsonrpc: '2.0',
      method: 'SendMessage',
      params: {
        message: { messageId: '00000000-0000-4000-8000-000000000001', role: 'ROLE_USER', parts: [part] },
        configuration: {},
      },
      id: 1,
    }),
    response: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      result: {
        message: {
          messageId: '00000000-0000-4000-8000-000000000002',
          contextId: '00000000-0000-4000-8000-000000000003',
          role: 'ROLE_AGENT',
          parts: [part],
        },
      },
    }),
  };
}
