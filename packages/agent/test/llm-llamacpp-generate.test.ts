import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTinyModel, LlamaCppProvider } from '../src/index';

let provider: LlamaCppProvider;
beforeAll(async () => {
  provider = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
  await provider.load();
});
afterAll(() => provider.close());

const messages = [
  { role: 'system' as const, content: 'You are terse.' },
  { role: 'user' as const, content: 'Say something about the agent.' },
];

describe('LlamaCppProvider on the tiny model', () => {
  it('generates text with token counts and timings', async () => {
    const result = await provider.chat(messages, { maxTokens: 24, temperature: 0 });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.completionTokens).toBeGreaterThan(0);
    expect(result.completionTokens).toBeLessThanOrEqual(24);
    expect(result.promptTokens).toBeGreaterThan(5);
    expect(result.timings.totalMs).toBeGreaterThan(0);
    expect(result.timings.promptEvalMs).toBeGreaterThanOrEqual(0);
    expect(result.timings.generationMs).toBeGreaterThanOrEqual(0);
    expect(result.timings.promptEvalMs! + result.timings.generationMs!).toBeLessThanOrEqual(
      result.timings.totalMs,
    );
    expect(result.model).toMatch(/\.gguf$/);
    expect(provider.info()).toMatchObject({
      engine: 'llama.cpp',
      targetsApply: false,
      tinyModel: true,
      threads: 1,
    });
  });

  it('is deterministic at temperature 0: two runs are equal', async () => {
    const a = await provider.chat(messages, { maxTokens: 32, temperature: 0, seed: 1 });
    const b = await provider.chat(messages, { maxTokens: 32, temperature: 0, seed: 1 });
    expect(b.text).toBe(a.text);
    expect(b.completionTokens).toBe(a.completionTokens);
  });

  it('is reproducible at temperature > 0 with a seed, and the seed matters', async () => {
    const opts = { maxTokens: 32, temperature: 1 };
    const a = await provider.chat(messages, { ...opts, seed: 11 });
    const b = await provider.chat(messages, { ...opts, seed: 11 });
    expect(b.text).toBe(a.text);
    const others = await Promise.all([12, 13, 14].map((seed) => provider.chat(messages, { ...opts, seed })));
    expect(others.some((o) => o.text !== a.text)).toBe(true);
  });

  it('stops at maxTokens with finishReason length and streams the same text', async () => {
    const chunks: string[] = [];
    const result = await provider.chat(messages, {
      maxTokens: 16,
      temperature: 0,
      onText: (t) => chunks.push(t),
    });
    expect(result.finishReason).toBe('length');
    expect(result.completionTokens).toBe(16);
    expect(chunks.join('')).toBe(result.text);
  });
});
