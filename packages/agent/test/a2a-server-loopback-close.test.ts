import { Agent as HttpAgent, request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { expect, it } from 'vitest';
import { A2aServerClosedError, connectA2aAgent, serveA2aAgent } from '../src/index';
import { accepts } from './_loopback';

/** A non-loopback IPv4 address of this machine, if it has one. */
function externalIpv4(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? [])
      if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return undefined;
}

it('binds to 127.0.0.1 only, on a free port', async () => {
  const server = await serveA2aAgent({
    name: 'local',
    description: 'Stays local.',
    handler: ({ text }) => ({ text }),
  });
  try {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(await accepts(server.port, '127.0.0.1')).toBe(true);
    const external = externalIpv4();
    // The same port on the machine's other address refuses connections: nothing listens on 0.0.0.0.
    if (external) expect(await accepts(server.port, external)).toBe(false);
  } finally {
    await server.close();
  }
});

it('close() stops listening and ends idle keep-alive connections; it is idempotent', async () => {
  const server = await serveA2aAgent({
    name: 'closer',
    description: 'Closes.',
    handler: ({ text }) => ({ text }),
  });
  const peer = await connectA2aAgent(server.url);
  expect((await peer.send('one')).text).toBe('one');

  // A keep-alive connection left open by a plain client, idle when close() is called.
  const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
  // Wrapped in an object: resolving with the promise itself would wait for it.
  const idle = await new Promise<{ closed: Promise<void> }>((resolve, reject) => {
    const req = request(server.cardUrl, { agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ closed: new Promise<void>((done) => req.socket?.once('close', () => done())) }),
      );
    });
    req.on('error', reject);
    req.end();
  });

  const closing = server.close();
  expect(server.closed).toBe(true);
  expect(server.close()).toBe(closing);
  await closing;
  await idle.closed; // the server ended the idle keep-alive connection
  agent.destroy();
  expect(await accepts(server.port)).toBe(false);
  await expect(peer.send('two', { timeoutMs: 2000 })).rejects.toMatchObject({ code: 'A2A_UNREACHABLE' });
});

it('close() aborts handlers still running, with A2aServerClosedError as the reason', async () => {
  let reason: unknown;
  let started!: () => void;
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const server = await serveA2aAgent({
    name: 'slow',
    description: 'Waits for its signal.',
    handler: ({ signal }) =>
      new Promise((_, reject) => {
        started();
        signal.addEventListener('abort', () => {
          reason = signal.reason;
          reject(signal.reason);
        });
      }),
  });
  const peer = await connectA2aAgent(server.url);
  const sending = peer.send('take your time', { timeoutMs: 5000 }).catch((e: unknown) => e);
  await running;
  await server.close();
  expect(reason).toBeInstanceOf(A2aServerClosedError);
  expect(await sending).toBeInstanceOf(Error); // the connection was closed under the caller
});

it('refuses a taken port with the listen error, and bad options before listening', async () => {
  const first = await serveA2aAgent({ name: 'a', description: 'First.', handler: () => ({}) });
  try {
    await expect(
      serveA2aAgent({ name: 'b', description: 'Second.', handler: () => ({}), port: first.port }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
  } finally {
    await first.close();
  }
  await expect(serveA2aAgent({ name: 'x', description: 'No handler.' })).rejects.toMatchObject({
    code: 'A2A_INVALID_OPTIONS',
  });
  await expect(
    serveA2aAgent({ name: '', description: 'Nameless.', handler: () => ({}) }),
  ).rejects.toMatchObject({
    code: 'A2A_INVALID_OPTIONS',
  });
  await expect(
    serveA2aAgent({ name: 'p', description: 'Bad port.', handler: () => ({}), port: 70_000 }),
  ).rejects.toMatchObject({ code: 'A2A_INVALID_OPTIONS' });
});
