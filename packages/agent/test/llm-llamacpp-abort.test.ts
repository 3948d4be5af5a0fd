import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureTinyModel, LlamaCppProvider, LlmAbortError } from '../src/index';

let provider: LlamaCppProvider;
beforeAll(async () => {
  provider = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
  await provider.load();
});
afterAll(() => provider.close());

const messages = [{ role: 'user' as const, content: 'Write forever.' }];

it('rejects an aborted chat promptly with an AbortError and stops generating', async () => {
  const controller = new AbortController();
  let chunks = 0;
  let chunksAtAbort = 0;
  const started = performance.now();
  const pending = provider.chat(messages, {
    maxTokens: 1500,
    temperature: 0,
    signal: controller.signal,
    onText: () => {
      chunks++;
      if (chunks === 3) {
        chunksAtAbort = chunks;
        controller.abort();
      }
    },
  });
  const error = await pending.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LlmAbortError);
  expect((error as Error).name).toBe('AbortError');
  // 1500 tokens would take seconds; the abort lands within a few tokens.
  expect(chunks - chunksAtAbort).toBeLessThan(50);
  expect(performance.now() - started).toBeLessThan(5000);
});

it('rejects at once when the signal is already aborted, and the provider still works after', async () => {
  const error = await provider.chat(messages, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LlmAbortError);
  const result = await provider.chat(messages, { maxTokens: 8, temperature: 0 });
  expect(result.completionTokens).toBe(8);
});
