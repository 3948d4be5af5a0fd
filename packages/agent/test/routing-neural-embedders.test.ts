import { afterEach, expect, it } from 'vitest';
import {
  createLlamaCppEmbedder,
  createOllamaEmbedder,
  createSemanticRouter,
  ensureTinyModel,
} from '../src/index';
import { closedPort, startPlainServer } from './_loopback';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A loopback server speaking Ollama's `/api/embed` for one model: a vector from each input's letters. */
async function fakeOllama(model: string) {
  const requests: Array<{ model: string; input: string[] }> = [];
  const server = await startPlainServer((req, res, body) => {
    if (req.url !== '/api/embed') {
      res.writeHead(404).end();
      return;
    }
    const request = JSON.parse(body) as { model: string; input: string[] };
    requests.push(request);
    if (request.model !== model) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `model "${request.model}" not found, try pulling it first` }));
      return;
    }
    const embeddings = request.input.map((text) => [...'aeiou'].map((vowel) => text.split(vowel).length - 1));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ model, embeddings }));
  });
  cleanups.push(server.close);
  return { url: server.url, requests };
}

it('Ollama: embeds through /api/embed with the configured model and routes on those vectors', async () => {
  const ollama = await fakeOllama('nomic-embed-text');
  const embedder = createOllamaEmbedder({ host: ollama.url });
  expect(embedder).toMatchObject({ name: 'ollama nomic-embed-text', kind: 'neural' });
  expect(await embedder.embed(['aaa', 'eu'])).toEqual([
    [3, 0, 0, 0, 0],
    [0, 1, 0, 0, 1],
  ]);
  const router = await createSemanticRouter({
    routes: [
      { id: 'a-agent', description: 'banana' },
      { id: 'o-agent', description: 'foo boo' },
    ],
    embedder,
  });
  expect((await router.route('mamma papa')).agentId).toBe('a-agent');
  expect(ollama.requests.map((r) => r.model)).toEqual([
    'nomic-embed-text',
    'nomic-embed-text',
    'nomic-embed-text',
  ]);
});

it('Ollama: a missing model and an unreachable server are errors that say what to do', async () => {
  const ollama = await fakeOllama('nomic-embed-text');
  await expect(
    createOllamaEmbedder({ host: ollama.url, model: 'bge-m3' }).embed(['x']),
  ).rejects.toMatchObject({
    code: 'ROUTING_EMBEDDING_FAILED',
    message: `Embedder ollama bge-m3 found no model bge-m3 on ${ollama.url} — run \`ollama pull bge-m3\``,
  });
  const host = `http://127.0.0.1:${await closedPort()}`;
  await expect(createOllamaEmbedder({ host }).embed(['x'])).rejects.toMatchObject({
    code: 'ROUTING_EMBEDDING_FAILED',
    message: `Embedder ollama nomic-embed-text could not reach Ollama at ${host} — start it with \`ollama serve\` or set OLLAMA_HOST`,
  });
});

it('node-llama-cpp: embeds in-process from a GGUF file (the random tiny model: mechanics only, no meaning)', async () => {
  const embedder = createLlamaCppEmbedder({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
  try {
    expect(embedder.kind).toBe('neural');
    const [a, b] = await embedder.embed(['route this task', 'route this task']);
    expect(a).toHaveLength(64);
    expect(a).toEqual(b);
    const router = await createSemanticRouter({
      routes: [
        { id: 'one', description: 'first description' },
        { id: 'two', description: 'second description' },
      ],
      embedder,
      threshold: -1,
    });
    const decision = await router.route('first description');
    expect(decision.agentId).toBe('one'); // identical text: cosine 1, whatever the weights
    expect(decision.confidence).toBeCloseTo(1, 5);
  } finally {
    await embedder.close?.();
  }
}, 120_000);
