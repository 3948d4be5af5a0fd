import {
  buildAgentCard,
  createSemanticRouter,
  describeCapabilities,
  type SemanticRouter,
  tokenize,
} from '@kaizen-bench/agent';
import { beforeAll, expect, it } from 'vitest';
import { MIN_ROUTING_ACCURACY, MULTI_AGENT_TEAM, ROUTING_HELD_OUT_SET, ROUTING_SET } from '../src/index';

const cardText = (id: string) => {
  const member = MULTI_AGENT_TEAM.find((agent) => agent.id === id)!;
  return describeCapabilities(
    buildAgentCard({ ...member, name: member.id, url: 'http://127.0.0.1:1/a2a/jsonrpc' }),
  );
};

let router: SemanticRouter;
beforeAll(async () => {
  router = await createSemanticRouter({
    routes: MULTI_AGENT_TEAM.map((member) => ({ id: member.id, description: cardText(member.id) })),
  });
});

it('the labelled set: >= 100 tasks over >= 8 agents, every team agent with its share', () => {
  expect(ROUTING_SET.length).toBeGreaterThanOrEqual(100);
  expect(MULTI_AGENT_TEAM.length).toBeGreaterThanOrEqual(8);
  const ids = MULTI_AGENT_TEAM.map((member) => member.id);
  for (const id of ids) expect(ROUTING_SET.filter((example) => example.agentId === id).length, id).toBe(12);
  for (const example of [...ROUTING_SET, ...ROUTING_HELD_OUT_SET]) expect(ids).toContain(example.agentId);
  expect(new Set([...ROUTING_SET, ...ROUTING_HELD_OUT_SET].map((example) => example.task)).size).toBe(170);
});

it('tasks are paraphrases: none shares a run of 4 words with any agent card', () => {
  const grams = (text: string) => {
    const words = tokenize(text);
    return new Set(words.slice(0, -3).map((_, i) => words.slice(i, i + 4).join(' ')));
  };
  const cardGrams = new Set(MULTI_AGENT_TEAM.flatMap((member) => [...grams(cardText(member.id))]));
  for (const { task } of [...ROUTING_SET, ...ROUTING_HELD_OUT_SET]) {
    expect(
      [...grams(task)].filter((gram) => cardGrams.has(gram)),
      task,
    ).toEqual([]);
  }
});

it('the default (lexical) router routes >= 90% of the labelled set right; the held-out share is reported', async () => {
  const decisions = await router.routeMany(ROUTING_SET.map((example) => example.task));
  const correct = decisions.filter((decision, i) => decision.agentId === ROUTING_SET[i]?.agentId).length;
  expect(correct / ROUTING_SET.length).toBeGreaterThanOrEqual(MIN_ROUTING_ACCURACY);
  const heldOut = await router.routeMany(ROUTING_HELD_OUT_SET.map((example) => example.task));
  const heldOutCorrect = heldOut.filter(
    (decision, i) => decision.agentId === ROUTING_HELD_OUT_SET[i]?.agentId,
  ).length;
  // Lexical matching generalizes poorly to new wordings: far better than chance (10%), far from the tuned set.
  expect(heldOutCorrect / ROUTING_HELD_OUT_SET.length).toBeGreaterThan(0.4);
  console.log(
    `labelled ${correct}/${ROUTING_SET.length}, held out ${heldOutCorrect}/${ROUTING_HELD_OUT_SET.length} (${router.embedder.name})`,
  );
});

it('off-topic requests fall below the threshold: no agent', async () => {
  const offTopic = [
    'Zebra giraffe savanna',
    'The quick brown fox jumps over the lazy dog',
    'Lorem ipsum dolor sit amet',
  ];
  for (const decision of await router.routeMany(offTopic)) {
    expect(decision).toMatchObject({ agentId: null, fallback: true, reason: 'below_threshold' });
  }
});
