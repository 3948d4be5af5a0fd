import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { checkPostgresUrl, MemoryConnectionError, openTieredMemory } from '../src/index';
import { PG_URL } from './_memory-backends';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A loopback TCP server that accepts connections and never says a word (a hung server, a wrong port). */
async function silentServer(): Promise<number> {
  const server = createServer((socket) => sockets.push(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function openFailure(url: string, connectTimeoutMs = 5000): Promise<MemoryConnectionError> {
  const error = await openTieredMemory({ backend: { kind: 'postgres', url, connectTimeoutMs } }).then(
    (memory) => memory.close().then(() => undefined),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MemoryConnectionError);
  const failure = error as MemoryConnectionError;
  expect(failure.code).toBe('MEMORY_CONNECTION_FAILED');
  // One line, and never the password.
  expect(failure.message).not.toContain('\n');
  expect(failure.message).not.toContain('s3cret');
  return failure;
}

it('a URL that is not a PostgreSQL URL is refused before connecting, saying what one looks like', async () => {
  for (const url of [
    'not a url',
    'mysql://u:s3cret@127.0.0.1/db',
    'postgres://u:s3cret@127.0.0.1:99999/db',
  ]) {
    const failure = await openFailure(url);
    expect(failure.problem).toBe('bad_url');
    expect(failure.message).toMatch(/postgres:\/\/user:password@127\.0\.0\.1:5432\/database/);
  }
});

it('a refused connection says to start the server or fix host and port', async () => {
  const port = await closedPort();
  const failure = await openFailure(`postgres://u:s3cret@127.0.0.1:${port}/db`);
  expect(failure.problem).toBe('refused');
  expect(failure.message).toBe(
    `PostgreSQL at u@127.0.0.1:${port}/db: connection refused — start the server, or fix the host and port in the URL`,
  );
});

it('a server that never answers fails after the connect timeout instead of hanging', async () => {
  const port = await silentServer();
  const failure = await openFailure(`postgres://u:s3cret@127.0.0.1:${port}/db`, 300);
  expect(failure.problem).toBe('timeout');
  expect(failure.message).toMatch(/no answer within 300 ms/);
  await expect(
    checkPostgresUrl(`postgres://u:s3cret@127.0.0.1:${port}/db`, { connectTimeoutMs: 300 }),
  ).rejects.toMatchObject({ problem: 'timeout' });
});

const withServer = PG_URL ? it : process.env['CI'] === 'true' ? it : it.skip;

withServer('a wrong password and a missing database are told apart, each with its fix', async () => {
  if (!PG_URL) throw new Error('KAIZEN_BENCH_PG_URL is not set: CI must run the PostgreSQL memory tests');
  const url = new URL(PG_URL);
  url.password = 's3cret-wrong';
  const wrongPassword = await openFailure(url.href);
  expect(wrongPassword.problem).toBe('auth_failed');
  expect(wrongPassword.message).toMatch(
    /password authentication failed — fix the user or password in the URL$/,
  );

  const missing = new URL(PG_URL);
  missing.pathname = '/kzm_no_such_database';
  const noDatabase = await openFailure(missing.href);
  expect(noDatabase.problem).toBe('database_missing');
  expect(noDatabase.message).toMatch(/"kzm_no_such_database" does not exist — create it \(createdb\)/);

  const good = await checkPostgresUrl(PG_URL);
  expect(good.serverVersion).toMatch(/^PostgreSQL \d+/);
  expect(good.location).not.toContain(new URL(PG_URL).password);
});
