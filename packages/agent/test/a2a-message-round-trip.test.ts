import { afterAll, beforeAll, expect, it } from 'vitest';
import { type A2aRequest, type A2aServer, connectA2aAgent, createAgent, serveA2aAgent } from '../src/index';
import { ScriptedProvider } from './_scripted-provider';

let server: A2aServer;
const seen: Array<Omit<A2aRequest, 'signal'>> = [];

beforeAll(async () => {
  server = await serveA2aAgent({
    name: 'reverser',
    description: 'Reverses text and echoes JSON back.',
    handler: ({ signal, ...request }) => {
      seen.push(request);
      return {
        text: [...request.text].reverse().join(''),
        ...(request.data === undefined ? {} : { data: { got: request.data } }),
      };
    },
  });
});

afterAll(() => server.close());

it('sends text and gets the handler reply back, over loopback HTTP', async () => {
  const peer = await connectA2aAgent(server.url);
  const reply = await peer.send('kaizen bench');
  expect(reply).toMatchObject({ text: 'hcneb neziak', data: undefined, kind: 'message' });
  expect(seen.at(-1)).toMatchObject({ text: 'kaizen bench', data: undefined });
  expect(server.messagesHandled).toBe(1);
});

it('carries a JSON data part both ways, and keeps the conversation id', async () => {
  const peer = await connectA2aAgent(server.url);
  const first = await peer.send({ text: 'abc', data: { n: [1, 2.5, null], nested: { ok: true } } });
  expect(first.data).toEqual({ got: { n: [1, 2.5, null], nested: { ok: true } } });
  expect(first.contextId).not.toBe('');
  const second = await peer.send({ data: 42 }, { contextId: first.contextId });
  expect(second).toMatchObject({ text: '', data: { got: 42 }, contextId: first.contextId });
  expect(seen.at(-1)?.contextId).toBe(first.contextId);
});

it('maps messages to agent.run, one session per A2A context', async () => {
  const provider = new ScriptedProvider([
    (messages) => `heard: ${messages.at(-1)?.content}`,
    (messages) => `turns so far: ${messages.filter((m) => m.role !== 'system').length}`,
  ]);
  // Without tools the model's reply is the answer.
  const agent = createAgent({ name: 'chatty', llm: provider });
  const served = await serveA2aAgent({ name: 'chatty', description: 'Chats.', agent });
  try {
    const peer = await connectA2aAgent(served.url);
    const first = await peer.send('hello there');
    expect(first.text).toBe('heard: hello there');
    const second = await peer.send('and again', { contextId: first.contextId });
    // Same A2A context, same agent session: the first exchange is in the prompt (user, assistant, user).
    expect(second.text).toBe('turns so far: 3');
    expect(provider.calls).toHaveLength(2);
  } finally {
    await served.close();
    await agent.close();
  }
});
