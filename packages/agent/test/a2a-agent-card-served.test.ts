import { afterAll, beforeAll, expect, it } from 'vitest';
import { type A2aServer, connectA2aAgent, serveA2aAgent } from '../src/index';

let server: A2aServer;

beforeAll(async () => {
  server = await serveA2aAgent({
    name: 'unit-converter',
    description: 'Converts durations, lengths and temperatures between units.',
    version: '2.1.0',
    skills: [
      {
        id: 'convert_duration',
        name: 'Convert durations',
        description: 'Turns minutes, seconds and hours into milliseconds.',
        tags: ['time', 'units'],
        examples: ['How many milliseconds are 3 minutes?'],
      },
    ],
    handler: ({ text }) => ({ text }),
  });
});

afterAll(() => server.close());

it('serves an A2A 1.0 Agent Card at the well-known path, pointing at its JSON-RPC endpoint', async () => {
  expect(server.cardUrl).toBe(`${server.url}/.well-known/agent-card.json`);
  const response = await fetch(server.cardUrl);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const card = await response.json();
  expect(card).toMatchObject({
    name: 'unit-converter',
    description: 'Converts durations, lengths and temperatures between units.',
    version: '2.1.0',
    supportedInterfaces: [{ url: server.rpcUrl, protocolBinding: 'JSONRPC', protocolVersion: '1.0' }],
    capabilities: { streaming: false, pushNotifications: false },
    defaultInputModes: ['text/plain', 'application/json'],
    defaultOutputModes: ['text/plain', 'application/json'],
    skills: [
      {
        id: 'convert_duration',
        name: 'Convert durations',
        description: 'Turns minutes, seconds and hours into milliseconds.',
        tags: ['time', 'units'],
        examples: ['How many milliseconds are 3 minutes?'],
      },
    ],
  });
  expect(server.rpcUrl).toBe(`${server.url}/a2a/jsonrpc`);
});

it('is a card the SDK client accepts: connecting reads the same card', async () => {
  const peer = await connectA2aAgent(server.url);
  expect(peer.name).toBe('unit-converter');
  expect(peer.card.skills.map((skill) => skill.id)).toEqual(['convert_duration']);
  expect(peer.card.supportedInterfaces[0]?.url).toBe(server.rpcUrl);
});

it('describes an agent without skills by one skill named after it', async () => {
  const plain = await serveA2aAgent({
    name: 'echo',
    description: 'Repeats what it is told.',
    handler: ({ text }) => ({ text }),
  });
  try {
    expect(plain.card.skills).toEqual([
      expect.objectContaining({ id: 'echo', name: 'echo', description: 'Repeats what it is told.' }),
    ]);
  } finally {
    await plain.close();
  }
});
