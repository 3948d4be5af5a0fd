import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureTinyModel, LlamaCppProvider, TokenOutOfRangeError, tinyModelVocabSize } from '../src/index';

let provider: LlamaCppProvider;
beforeAll(async () => {
  provider = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
});
afterAll(() => provider.close());

it('round-trips text through tokenize/detokenize', async () => {
  const ids = await provider.tokenize('the agent saved a checkpoint');
  expect(ids.length).toBeGreaterThan(0);
  expect(await provider.detokenize(ids)).toContain('agent');
});

it('refuses ids outside the vocabulary instead of crashing the process', async () => {
  const vocab = await provider.vocabSize();
  expect(vocab).toBe(tinyModelVocabSize());
  await expect(provider.detokenize([vocab])).rejects.toBeInstanceOf(TokenOutOfRangeError);
  await expect(provider.detokenize([-1])).rejects.toBeInstanceOf(TokenOutOfRangeError);
  await expect(provider.detokenize([1.5])).rejects.toThrow(/outside the vocabulary/);
  // Still alive and working.
  expect(typeof (await provider.detokenize([vocab - 1]))).toBe('string');
});
