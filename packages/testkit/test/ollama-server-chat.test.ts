import { OllamaProvider } from '@kaizen-bench/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OllamaTestServer, startOllamaTestServer } from '../src/index';

let server: OllamaTestServer;
beforeAll(async () => {
  server = await startOllamaTestServer();
});
afterAll(() => server.close());

const messages = [{ role: 'user' as const, content: 'Name a tool.' }];

describe('OllamaProvider through the ollama client against the test server', () => {
  it('chats (streaming under the hood) with Ollama token counts and timings', async () => {
    const provider = new OllamaProvider({ host: server.url, model: server.modelName });
    const chunks: string[] = [];
    const result = await provider.chat(messages, {
      maxTokens: 20,
      temperature: 0,
      seed: 1,
      onText: (t) => chunks.push(t),
    });
    expect(result.text.length).toBeGreaterThan(0);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(result.text);
    expect(result.completionTokens).toBe(20);
    expect(result.finishReason).toBe('length');
    expect(result.promptTokens).toBeGreaterThan(3);
    expect(result.model).toBe(server.modelName);
    expect(result.timings.generationMs).toBeGreaterThan(0);
    expect(result.timings.promptEvalMs).toBeGreaterThan(0);
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.generationMs!);
    // Deterministic at temperature 0 end to end.
    const again = await provider.chat(messages, { maxTokens: 20, temperature: 0, seed: 1 });
    expect(again.text).toBe(result.text);
    expect(provider.info()).toMatchObject({ engine: 'ollama', targetsApply: false, host: server.url });
  });

  it('honours a JSON schema passed as format', async () => {
    const provider = new OllamaProvider({ host: server.url, model: server.modelName });
    const schema = {
      type: 'object',
      properties: { ok: { type: 'boolean' }, pick: { enum: ['a', 'b'] } },
      required: ['ok', 'pick'],
    };
    const result = await provider.chat(messages, {
      jsonSchema: schema,
      temperature: 0.7,
      seed: 4,
      maxTokens: 100,
    });
    const value = JSON.parse(result.text) as { ok: unknown; pick: unknown };
    expect(typeof value.ok).toBe('boolean');
    expect(['a', 'b']).toContain(value.pick);
  });

  it('embeds through /api/embed', async () => {
    const provider = new OllamaProvider({ host: server.url, model: server.modelName });
    const vectors = await provider.embed(['alpha', 'beta gamma']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(64);
    expect(vectors[0]).not.toEqual(vectors[1]);
  });
});
