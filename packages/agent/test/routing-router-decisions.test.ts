import { expect, it } from 'vitest';
import { createSemanticRouter, DEFAULT_ROUTE_THRESHOLD, type Embedder } from '../src/index';

const routes = [
  {
    id: 'billing',
    description: 'Invoices, refunds, payments, charges on a credit card, subscription plans.',
  },
  { id: 'weather', description: 'Weather forecasts: rain, snow, wind, temperature and storms for a city.' },
  { id: 'it', description: 'IT support: password resets, locked accounts, VPN, Wi-Fi and printer problems.' },
];

/** An embedder of fixed vectors per text, to make exact scores (and ties) on purpose. */
function fixedEmbedder(vectors: Record<string, number[]>): Embedder {
  return {
    name: 'fixed',
    kind: 'neural',
    embed: async (texts) =>
      texts.map((text) => {
        const vector = vectors[text];
        if (!vector) throw new Error(`no vector for ${text}`);
        return vector;
      }),
  };
}

it('routes to the most similar route with the cosine as confidence, and every score', async () => {
  const router = await createSemanticRouter({ routes });
  expect(router.threshold).toBe(DEFAULT_ROUTE_THRESHOLD);
  const decision = await router.route('My password stopped working and the VPN locks me out');
  expect(decision).toMatchObject({
    agentId: 'it',
    bestId: 'it',
    fallback: false,
    reason: 'matched',
    tie: false,
  });
  expect(decision.scores.map((s) => s.id)).toEqual(['billing', 'weather', 'it']);
  const best = Math.max(...decision.scores.map((s) => s.score));
  expect(decision.confidence).toBe(best);
  const others = decision.scores.filter((s) => s.id !== 'it').map((s) => s.score);
  expect(decision.margin).toBeCloseTo(best - Math.max(...others), 12);
  const many = await router.routeMany(['Will it snow tomorrow?', 'Refund the double charge', '']);
  expect(many.map((d) => d.agentId)).toEqual(['weather', 'billing', null]);
});

it('falls back below the threshold, and on empty input', async () => {
  const router = await createSemanticRouter({ routes, fallback: 'human', threshold: 0.2 });
  const vague = await router.route('Zebra giraffe savanna');
  expect(vague).toMatchObject({ agentId: 'human', fallback: true, reason: 'below_threshold' });
  expect(vague.bestId).not.toBeNull();
  expect(vague.confidence).toBeLessThan(0.2);
  for (const empty of ['', '   \n\t']) {
    expect(await router.route(empty)).toEqual({
      agentId: 'human',
      bestId: null,
      confidence: 0,
      margin: 0,
      fallback: true,
      reason: 'empty_input',
      tie: false,
      scores: [],
    });
  }
});

it('breaks ties by route order and says so', async () => {
  const router = await createSemanticRouter({
    routes: [
      { id: 'first', description: 'a' },
      { id: 'second', description: 'b' },
      { id: 'third', description: 'c' },
    ],
    embedder: fixedEmbedder({ a: [1, 0, 0], b: [0, 1, 0], c: [0, 0, 1], task: [0, 1, 1], far: [1, 0, 0] }),
    threshold: 0.5,
  });
  const tied = await router.route('task');
  expect(tied).toMatchObject({
    agentId: 'second',
    bestId: 'second',
    tie: true,
    margin: 0,
    reason: 'matched',
  });
  expect(tied.confidence).toBeCloseTo(Math.SQRT1_2, 12);
  expect(await router.route('far')).toMatchObject({ agentId: 'first', tie: false, margin: 1 });
});

it('refuses bad routes and thresholds, and embedders that return unusable vectors', async () => {
  await expect(createSemanticRouter({ routes: [] })).rejects.toMatchObject({
    code: 'ROUTING_INVALID_CONFIG',
  });
  await expect(
    createSemanticRouter({ routes: [routes[0]!, { ...routes[1]!, id: 'billing' }] }),
  ).rejects.toThrow(/route id "billing" appears twice/);
  await expect(createSemanticRouter({ routes: [{ id: 'x', description: ' ' }] })).rejects.toThrow(
    /has no description/,
  );
  await expect(createSemanticRouter({ routes, threshold: 2 })).rejects.toThrow(
    /threshold 2 is not in \[-1, 1\]/,
  );

  const ragged = fixedEmbedder({ a: [1, 0], b: [1, 0, 0] });
  await expect(
    createSemanticRouter({
      routes: [
        { id: 'a', description: 'a' },
        { id: 'b', description: 'b' },
      ],
      embedder: ragged,
    }),
  ).rejects.toMatchObject({ code: 'ROUTING_EMBEDDING_FAILED' });
  const short: Embedder = { name: 'short', kind: 'neural', embed: async () => [] };
  await expect(createSemanticRouter({ routes, embedder: short })).rejects.toThrow(
    /returned 0 vectors for 3 texts/,
  );
  const nan = fixedEmbedder({ a: [Number.NaN, 1] });
  await expect(
    createSemanticRouter({ routes: [{ id: 'a', description: 'a' }], embedder: nan }),
  ).rejects.toThrow(/non-finite/);
  const router = await createSemanticRouter({
    routes: [{ id: 'a', description: 'a' }],
    embedder: fixedEmbedder({ a: [1, 0], task: [1, 0, 0] }),
  });
  await expect(router.route('task')).rejects.toThrow(/length 3 where 2 was expected/);
  const badSparse: Embedder = {
    ...fixedEmbedder({ a: [1, 0] }),
    embedSparse: async () => [{ dimensions: 2, indices: new Int32Array([5]), values: new Float64Array([1]) }],
  };
  const sparseRouter = await createSemanticRouter({
    routes: [{ id: 'a', description: 'a' }],
    embedder: badSparse,
  });
  await expect(sparseRouter.route('task')).rejects.toThrow(/bad sparse entry \(5: 1\)/);
});
