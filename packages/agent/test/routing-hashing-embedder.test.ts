import { expect, it } from 'vitest';
import { cosineSimilarity, createHashingEmbedder, hashingFeatures, tokenize } from '../src/index';

it('embeds deterministically into unit-length vectors of the configured size, lexical kind', async () => {
  const embedder = createHashingEmbedder({ dimensions: 1024 });
  expect(embedder.kind).toBe('lexical');
  expect(embedder.name).toBe('feature-hashing (lexical, 1024 dims)');
  const [a, b] = await embedder.embed(['Refund my last invoice', 'Refund my last invoice']);
  expect(a).toHaveLength(1024);
  expect(a).toEqual(b);
  expect(Math.hypot(...(a as number[]))).toBeCloseTo(1, 12);
  expect(createHashingEmbedder({ dimensions: 1024 }).embedOne('Refund my last invoice')).toEqual(a);
});

it('scores texts sharing words and spellings above unrelated ones', () => {
  const embedder = createHashingEmbedder();
  const task = embedder.embedOne('I need a refund for a double charge on my invoice');
  const billing = embedder.embedOne('Handles invoices, refunds, charges and payments');
  const weather = embedder.embedOne('Forecasts rain, snow, wind and temperature');
  const relatedScore = cosineSimilarity(task, billing);
  const unrelatedScore = cosineSimilarity(task, weather);
  expect(relatedScore).toBeGreaterThan(0.1);
  expect(unrelatedScore).toBeLessThan(0.03);
  // Character trigrams make inflections similar even when no word matches exactly.
  expect(cosineSimilarity(embedder.embedOne('refunded'), embedder.embedOne('refunds'))).toBeGreaterThan(0.15);
});

it('features: word unigrams and bigrams without stop words, and padded character trigrams', () => {
  expect(tokenize("Café's VPN, isn't it?")).toEqual(["cafe's", 'vpn', "isn't", 'it']);
  const { words, chars } = hashingFeatures('Reset the VPN password password');
  expect([...words]).toEqual([
    ['w:reset', 1],
    ['b:reset vpn', 1],
    ['w:vpn', 1],
    ['b:vpn password', 1],
    ['w:password', 2],
    ['b:password password', 1],
  ]);
  expect(chars.get('c: vp')).toBe(1);
  expect(chars.get('c:pn ')).toBe(1);
  expect(chars.get('c:ass')).toBe(2);
  expect(chars.has('c:the')).toBe(false);
});

it('gives text without features the zero vector, and refuses bad options', () => {
  const embedder = createHashingEmbedder({ dimensions: 64 });
  expect(embedder.embedOne('the and of ?!').every((x) => x === 0)).toBe(true);
  expect(embedder.embedOne('').every((x) => x === 0)).toBe(true);
  expect(() => createHashingEmbedder({ dimensions: 1000 })).toThrow(/not a power of two/);
  expect(() => createHashingEmbedder({ wordWeight: 2 })).toThrow(/wordWeight 2 is not in \[0, 1\]/);
  // Only the words count when the character block weighs nothing.
  const wordsOnly = createHashingEmbedder({ wordWeight: 1 });
  expect(cosineSimilarity(wordsOnly.embedOne('refunded'), wordsOnly.embedOne('refunds'))).toBe(0);
});

it('gives the same vector densely and as its non-zeros', async () => {
  const embedder = createHashingEmbedder({ dimensions: 256 });
  const text = 'Book a flight to Rome and a hotel near the station';
  const dense = embedder.embedOne(text);
  const [sparse] = await embedder.embedSparse([text]);
  expect(sparse?.dimensions).toBe(256);
  const rebuilt = new Array<number>(256).fill(0);
  sparse?.indices.forEach((at, k) => {
    rebuilt[at] = sparse.values[k] as number;
  });
  expect(rebuilt).toEqual(dense);
  expect(sparse?.indices.length).toBeLessThan(100);
});
