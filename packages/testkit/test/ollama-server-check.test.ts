import { OllamaProvider, resolveProvider } from '@kaizen-bench/agent';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type OllamaTestServer, startOllamaTestServer } from '../src/index';

let server: OllamaTestServer;
beforeAll(async () => {
  server = await startOllamaTestServer({ modelName: 'kaizen-tiny' });
});
afterAll(() => server.close());

it('check() is ok for a pulled model, with or without :latest', async () => {
  expect(await new OllamaProvider({ host: server.url, model: 'kaizen-tiny' }).check()).toEqual({ ok: true });
  expect(await new OllamaProvider({ host: server.url, model: 'kaizen-tiny:latest' }).check()).toEqual({
    ok: true,
  });
});

it('check() says which model is missing and how to pull it', async () => {
  const result = await new OllamaProvider({ host: server.url }).check();
  expect(result).toEqual({
    ok: false,
    problem: 'model_missing',
    message: `Model llama3.2:1b not pulled on ${server.url} — run \`ollama pull llama3.2:1b\``,
  });
});

it('resolveProvider picks a reachable Ollama with the model; ollama mode rejects a missing model', async () => {
  const resolved = await resolveProvider({ llm: 'auto', ollamaHost: server.url, model: 'kaizen-tiny' });
  expect(resolved).toMatchObject({ kind: 'ollama', targetsApply: false });
  expect(resolved.provider).toBeInstanceOf(OllamaProvider);
  await expect(resolveProvider({ llm: 'ollama', ollamaHost: server.url })).rejects.toMatchObject({
    code: 'LLM_OLLAMA_MODEL_MISSING',
  });
});
