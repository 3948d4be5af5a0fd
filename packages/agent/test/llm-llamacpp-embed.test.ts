import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureTinyModel, LlamaCppProvider } from '../src/index';

let provider: LlamaCppProvider;
beforeAll(async () => {
  provider = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
});
afterAll(() => provider.close());

const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return dot / Math.sqrt(na * nb);
};

it('embeds each text to a vector of the model dimension; the same text gives cosine 1', async () => {
  const [a, b, c] = await provider.embed([
    'route this task to the tool agent',
    'route this task to the tool agent',
    'memory',
  ]);
  expect(a).toHaveLength(64);
  expect(await provider.embeddingLength()).toBe(64);
  expect(a!.every(Number.isFinite)).toBe(true);
  expect(cosine(a!, a!)).toBeCloseTo(1, 6);
  expect(cosine(a!, b!)).toBeCloseTo(1, 5);
  expect(cosine(a!, c!)).toBeLessThan(0.999);
  expect(await provider.embed([])).toEqual([]);
});
