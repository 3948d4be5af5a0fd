import { OllamaProvider } from '@kaizen-bench/agent';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type OllamaTestServer, startOllamaTestServer } from '../src/index';

let server: OllamaTestServer;
beforeAll(async () => {
  server = await startOllamaTestServer();
});
afterAll(() => server.close());

it('aborting a chat rejects with AbortError and stops generation on the server', async () => {
  const provider = new OllamaProvider({ host: server.url, model: server.modelName });
  const controller = new AbortController();
  let chunks = 0;
  const error = await provider
    .chat([{ role: 'user', content: 'go on and on' }], {
      maxTokens: 1500,
      temperature: 0,
      signal: controller.signal,
      onText: () => {
        if (++chunks === 3) controller.abort();
      },
    })
    .catch((e: unknown) => e);
  expect((error as Error).name).toBe('AbortError');
  expect((error as { code?: string }).code).toBe('LLM_ABORTED');
  // The server sees the connection close and aborts the generation well before 1500 tokens.
  await expect.poll(() => server.requests.at(-1)?.outcome, { timeout: 5000 }).toBe('aborted');
  expect(server.requests.at(-1)!.evalCount).toBeLessThan(1500);
  // And it serves the next request.
  const next = await provider.chat([{ role: 'user', content: 'hi' }], { maxTokens: 4, temperature: 0 });
  expect(next.completionTokens).toBe(4);
});
