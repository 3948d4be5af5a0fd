import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type A2aPeer,
  type A2aServer,
  connectA2aAgent,
  defineTool,
  serveA2aAgent,
  toolTaskHandler,
} from '../src/index';

const add = defineTool<{ a: number; b: number }>({
  name: 'add',
  description: 'Adds two numbers.',
  parameters: {
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
    required: ['a', 'b'],
    additionalProperties: false,
  },
  execute: ({ a, b }) => ({ sum: a + b }),
});
const explode = defineTool({
  name: 'explode',
  description: 'Always throws.',
  parameters: { type: 'object', properties: {} },
  execute: () => {
    throw new Error('kaboom');
  },
});

let server: A2aServer;
let peer: A2aPeer;

beforeAll(async () => {
  server = await serveA2aAgent({
    name: 'tools',
    description: 'Runs tools.',
    handler: toolTaskHandler([add, explode], { onText: ({ text }) => ({ text: `no tool for: ${text}` }) }),
  });
  peer = await connectA2aAgent(server.url);
});

afterAll(() => server.close());

it('runs the named tool with validated arguments and replies with its JSON result', async () => {
  const reply = await peer.send({ text: 'add these', data: { tool: 'add', arguments: { a: 2, b: 40 } } });
  expect(reply.data).toEqual({ tool: 'add', result: { sum: 42 } });
});

it('reports bad calls as tool errors in the reply, not as a crash', async () => {
  const invalid = await peer.send({ data: { tool: 'add', arguments: { a: 'two', b: 1 } } });
  expect(invalid.data).toMatchObject({ tool: 'add', error: { code: 'TOOL_INVALID_ARGUMENTS' } });
  expect((invalid.data as { error: { message: string } }).error.message).toContain('must be number');
  const unknown = await peer.send({ data: { tool: 'subtract', arguments: {} } });
  expect(unknown.data).toMatchObject({ tool: 'subtract', error: { code: 'TOOL_UNKNOWN' } });
  const failed = await peer.send({ data: { tool: 'explode', arguments: {} } });
  expect(failed.data).toEqual({ tool: 'explode', error: { code: 'TOOL_FAILED', message: 'failed: kaboom' } });
});

it('passes plain text to onText, and refuses data that is not a tool task', async () => {
  expect((await peer.send('hello')).text).toBe('no tool for: hello');
  await expect(peer.send({ data: { tool: 'add' } })).rejects.toMatchObject({ code: 'A2A_REMOTE_FAILED' });
  // Several tools and none named: the peer says which exist.
  await expect(peer.send({ data: { arguments: { a: 1, b: 2 } } })).rejects.toThrow(/add, explode/);
});

it('needs no tool name when it has a single tool, and checks tool definitions up front', async () => {
  const single = await serveA2aAgent({
    name: 'adder',
    description: 'Adds.',
    handler: toolTaskHandler([add]),
  });
  try {
    const reply = await (await connectA2aAgent(single.url)).send({ data: { arguments: { a: 1, b: 2 } } });
    expect(reply.data).toEqual({ tool: 'add', result: { sum: 3 } });
  } finally {
    await single.close();
  }
  expect(() => toolTaskHandler([{ ...add, name: 'bad name!' }])).toThrow(/tools\[0\]\.name/);
});
