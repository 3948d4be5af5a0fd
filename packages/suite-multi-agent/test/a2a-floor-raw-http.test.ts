import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { canonicalExchange, startRawHttpFloor } from '../src/benchmarks/_raw-http-floor';

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

it('the floor POSTs the request bytes and parses the response bytes, on one kept-alive socket; close() frees the port', async () => {
  const exchange = canonicalExchange('hello floor');
  const floor = await startRawHttpFloor(exchange);
  const sockets = new Set<string>();
  floor.server.on('connection', (socket) => sockets.add(`${socket.remotePort}`));
  for (let i = 0; i < 5; i++) expect(await floor.post()).toEqual(JSON.parse(exchange.response));
  expect(floor.lastRequest).toBe(exchange.request);
  expect(sockets.size).toBe(1);
  expect(await accepts(floor.port)).toBe(true);
  await floor.close();
  expect(await accepts(floor.port)).toBe(false);
});
