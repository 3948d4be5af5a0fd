import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OLLAMA_TEST_SERVER_VERSION, type OllamaTestServer, startOllamaTestServer } from '../src/index';

let server: OllamaTestServer;
beforeAll(async () => {
  server = await startOllamaTestServer({ modelName: 'tiny' });
});
afterAll(() => server.close());

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  });

describe('Ollama wire protocol of the test server', () => {
  it('answers /api/version and /api/tags', async () => {
    expect(await (await fetch(`${server.url}/api/version`)).json()).toEqual({
      version: OLLAMA_TEST_SERVER_VERSION,
    });
    const tags = (await (await fetch(`${server.url}/api/tags`)).json()) as {
      models: Array<{ name: string }>;
    };
    expect(tags.models.map((m) => m.name)).toEqual(['tiny']);
  });

  it('answers /api/chat without streaming in one object with Ollama field names and ns durations', async () => {
    const res = await post('/api/chat', {
      model: 'tiny:latest',
      messages: [{ role: 'user', content: 'hi' }],
      stream: false,
      options: { num_predict: 12, temperature: 0, seed: 3 },
    });
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Record<string, unknown> & {
      message: { role: string; content: string };
    };
    expect(body).toMatchObject({ model: 'tiny:latest', done: true, done_reason: 'length', eval_count: 12 });
    expect(body.message.role).toBe('assistant');
    expect(body.message.content.length).toBeGreaterThan(0);
    expect(body.prompt_eval_count).toBeGreaterThan(0);
    for (const key of ['total_duration', 'prompt_eval_duration', 'eval_duration', 'load_duration']) {
      expect(Number.isInteger(body[key])).toBe(true);
    }
    // Nanoseconds: 12 tokens take well over a microsecond.
    expect(body.eval_duration as number).toBeGreaterThan(1000);
    expect(body.total_duration as number).toBeGreaterThanOrEqual(body.eval_duration as number);
  });

  it('streams /api/generate as NDJSON ending with a done line, the same text as without streaming', async () => {
    const request = { model: 'tiny', prompt: 'tell me', options: { num_predict: 10, temperature: 0 } };
    const res = await post('/api/generate', request); // stream defaults to true, as in Ollama
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { response: string; done: boolean; eval_count?: number; context?: number[] },
      );
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(0, -1).every((l) => !l.done)).toBe(true);
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ done: true, done_reason: 'length', eval_count: 10 });
    expect(Array.isArray(last.context)).toBe(true);
    const streamed = lines.map((l) => l.response).join('');
    const once = (await (await post('/api/generate', { ...request, stream: false })).json()) as {
      response: string;
    };
    expect(once.response).toBe(streamed);
  });

  it('honours format "json" with output that parses', async () => {
    for (const seed of [1, 2]) {
      const res = await post('/api/chat', {
        model: 'tiny',
        messages: [{ role: 'user', content: 'json please' }],
        stream: false,
        format: 'json',
        options: { num_predict: 200, temperature: 0.8, seed },
      });
      const body = (await res.json()) as { message: { content: string }; done_reason: string };
      expect(body.done_reason).toBe('stop');
      expect(() => JSON.parse(body.message.content)).not.toThrow();
    }
  });

  it('answers errors like Ollama: unknown model 404, bad token context 400, and keeps serving', async () => {
    const missing = await post('/api/chat', { model: 'llama3.2:1b', messages: [], stream: false });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'model "llama3.2:1b" not found, try pulling it first' });
    const bad = await post('/api/generate', {
      model: 'tiny',
      prompt: 'x',
      context: [10_000_000],
      stream: false,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/outside the vocabulary/);
    const embed = (await (await post('/api/embed', { model: 'tiny', input: 'still alive' })).json()) as {
      embeddings: number[][];
      prompt_eval_count: number;
    };
    expect(embed.embeddings[0]).toHaveLength(64);
    expect(embed.prompt_eval_count).toBeGreaterThan(0);
  });
});
