import { afterEach, expect, it } from 'vitest';
import {
  A2aAbortError,
  A2aProtocolError,
  A2aRemoteError,
  A2aTimeoutError,
  A2aUnreachableError,
  buildAgentCard,
  connectA2aAgent,
  serveA2aAgent,
} from '../src/index';
import { closedPort, startPlainServer } from './_loopback';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A peer whose card is valid A2A but whose JSON-RPC endpoint misbehaves as `rpc` says. */
async function misbehavingPeer(rpc: Parameters<typeof startPlainServer>[0]) {
  const peer = await startPlainServer((req, res, body) => {
    if (req.url === '/.well-known/agent-card.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(buildAgentCard({ name: 'odd', description: 'Misbehaves.', url: `${peerUrl}/rpc` })),
      );
      return;
    }
    rpc(req, res, body);
  });
  const peerUrl = peer.url;
  cleanups.push(peer.close);
  return peer;
}

it('an unreachable peer is A2A_UNREACHABLE, naming the URL', async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  const error = await connectA2aAgent(url).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(A2aUnreachableError);
  expect(error).toMatchObject({
    code: 'A2A_UNREACHABLE',
    message: `A2A peer not reachable at ${url} — start its server or fix the URL`,
  });
});

it('a peer that accepts the connection but never answers times out instead of hanging', async () => {
  const silent = await misbehavingPeer(() => {}); // never responds
  const peer = await connectA2aAgent(silent.url, { timeoutMs: 300 });
  const error = await peer.send('hello?').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(A2aTimeoutError);
  expect(error).toMatchObject({ code: 'A2A_TIMEOUT', timeoutMs: 300 });
  expect((error as Error).message).toContain('did not answer within 300 ms');
});

it('a silent Agent Card endpoint times out while connecting', async () => {
  const silent = await startPlainServer(() => {});
  cleanups.push(silent.close);
  await expect(connectA2aAgent(silent.url, { timeoutMs: 300 })).rejects.toMatchObject({
    code: 'A2A_TIMEOUT',
  });
});

it('garbage, HTTP errors, JSON-RPC errors and a dropped connection are A2A_PROTOCOL errors', async () => {
  let mode = 'garbage';
  const odd = await misbehavingPeer((_req, res, body) => {
    if (mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('this is not json');
    } else if (mode === 'http500') {
      res.writeHead(500);
      res.end('boom');
    } else if (mode === 'rpc-error') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          jsonrpc: '2.0',
          id: JSON.parse(body).id,
          error: { code: -32603, message: 'kaput' },
        }),
      );
    } else if (mode === 'no-reply-shape') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: JSON.parse(body).id, result: { unexpected: true } }));
    } else {
      res.socket?.destroy();
    }
  });
  const peer = await connectA2aAgent(odd.url, { timeoutMs: 5000 });
  for (mode of ['garbage', 'http500', 'rpc-error', 'no-reply-shape', 'drop']) {
    const error = await peer.send('hi').catch((e: unknown) => e);
    expect(error, mode).toBeInstanceOf(A2aProtocolError);
    expect((error as A2aProtocolError).code).toBe('A2A_PROTOCOL');
    expect((error as Error).message).toMatch(new RegExp(`^A2A peer at ${odd.url} `));
  }
});

it('a card without a JSON-RPC interface is refused at connect', async () => {
  const restOnly = await startPlainServer((_req, res) => {
    const card = buildAgentCard({ name: 'rest', description: 'REST only.', url: 'http://127.0.0.1:1/rest' });
    card.supportedInterfaces = [
      { url: 'http://127.0.0.1:1/rest', protocolBinding: 'GRPC', tenant: '', protocolVersion: '1.0' },
    ];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(card));
  });
  cleanups.push(restOnly.close);
  await expect(connectA2aAgent(restOnly.url)).rejects.toThrow(
    /offers no JSON-RPC interface on its Agent Card/,
  );
});

it("a handler that throws reaches the caller as A2A_REMOTE_FAILED with the handler's message", async () => {
  const server = await serveA2aAgent({
    name: 'grumpy',
    description: 'Always fails.',
    handler: () => {
      throw new Error('out of coffee');
    },
  });
  cleanups.push(() => server.close());
  const peer = await connectA2aAgent(server.url);
  const error = await peer.send('please').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(A2aRemoteError);
  expect(error).toMatchObject({ code: 'A2A_REMOTE_FAILED', state: 'TASK_STATE_FAILED' });
  expect((error as Error).message).toContain('out of coffee');
});

it("aborting the caller's signal rejects at once with an AbortError", async () => {
  const silent = await misbehavingPeer(() => {});
  const peer = await connectA2aAgent(silent.url);
  const controller = new AbortController();
  const sending = peer.send('wait', { signal: controller.signal });
  controller.abort(new Error('user gave up'));
  const error = await sending.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(A2aAbortError);
  expect(error).toMatchObject({ name: 'AbortError', code: 'A2A_ABORTED' });
});

it('bad URLs and timeouts are refused before any request', async () => {
  await expect(connectA2aAgent('not a url')).rejects.toMatchObject({ code: 'A2A_INVALID_OPTIONS' });
  await expect(connectA2aAgent('ftp://127.0.0.1:21')).rejects.toMatchObject({ code: 'A2A_INVALID_OPTIONS' });
  await expect(connectA2aAgent('http://127.0.0.1:1', { timeoutMs: 0 })).rejects.toMatchObject({
    code: 'A2A_INVALID_OPTIONS',
  });
});
