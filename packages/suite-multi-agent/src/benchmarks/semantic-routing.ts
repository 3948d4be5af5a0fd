import type { BenchmarkContext, BenchmarkDefinition } from '@kaizen-bench/harness';
import { median } from '@kaizen-bench/stats';
import { ROUTING_HELD_OUT_SET, ROUTING_SET, type RoutingExample } from '../data/routing-set';
import type { ResolvedMultiAgentSuiteOptions } from '../options';
import type { MultiAgentSubject } from '../subject';
import { acquire, type Held, ratio, release, seededOrder } from './_lifecycle';

/** Below this share of the labelled set routed right, the Semantic Routing benchmark fails. */
export const MIN_ROUTING_ACCURACY = 0.9;

interface Scored {
  correct: number;
  total: number;
  fallbacks: number;
  confidences: number[];
  misrouted: Array<{ task: string; expected: string; got: string | null }>;
}

async function score(subject: MultiAgentSubject, examples: readonly RoutingExample[]): Promise<Scored> {
  const scored: Scored = { correct: 0, total: examples.length, fallbacks: 0, confidences: [], misrouted: [] };
  for (const { task, agentId } of examples) {
    const choice = await subject.route!(task);
    if (choice.agentId === agentId) scored.correct++;
    else scored.misrouted.push({ task, expected: agentId, got: choice.agentId });
    if (choice.agentId === null) scored.fallbacks++;
    if (typeof choice.confidence === 'number') scored.confidences.push(choice.confidence);
  }
  return scored;
}

function record(ctx: BenchmarkContext, prefix: string, scored: Scored): void {
  ctx.metadata[`${prefix}accuracy`] = ratio(scored.correct, scored.total);
  ctx.metadata[`${prefix}correct`] = scored.correct;
  ctx.metadata[`${prefix}tasks`] = scored.total;
  ctx.metadata[`${prefix}fallbacks`] = scored.fallbacks;
  ctx.metadata[`${prefix}misrouted`] = scored.misrouted;
}

/** Semantic Routing: embed one task and pick the best of the team's agents; accuracy checked untimed (DESIGN §8). */
export function createSemanticRoutingBenchmark(options: ResolvedMultiAgentSuiteOptions): BenchmarkDefinition {
  let held: Held | undefined;
  let order: number[] = [];
  let next = 0;
  let timedCorrect = 0;
  let timedTotal = 0;
  const agents = options.team.length;
  return {
    id: 'semantic_routing',
    name: 'Semantic Routing',
    description:
      `Times subject.route(task): one task description routed to the best of ${agents} agents. For the default ` +
      "subject: the task is embedded (feature hashing: lexical, not neural) and compared by cosine with each agent's " +
      'capability vector (embedded once, from its Agent Card, untimed), with a confidence threshold. Tasks cycle ' +
      `through the ${ROUTING_SET.length}-task labelled set in a seeded order. Accuracy on that set is checked untimed ` +
      `(metadata accuracy); below ${MIN_ROUTING_ACCURACY * 100}% the benchmark fails. The default agent cards were ` +
      'written against that set (in-sample); held_out_accuracy is on tasks written after they were frozen.',
    target: { excellentMs: 2, targetMs: 5 },
    iterations: 200,
    warmup: 20,
    async requires(ctx) {
      const got = await acquire(
        ctx,
        options,
        'semantic_routing',
        'route',
        'the framework routes between agents with no semantic (embedding) router',
      );
      if (typeof got === 'string') return got;
      held = got;
      return true;
    },
    async setup(ctx) {
      next = 0;
      timedCorrect = 0;
      timedTotal = 0;
      order = seededOrder(ctx, ROUTING_SET.length);
      const labelled = await score(held!.subject, ROUTING_SET);
      record(ctx, '', labelled);
      ctx.metadata['agents'] = agents;
      ctx.metadata['min_accuracy'] = MIN_ROUTING_ACCURACY;
      ctx.metadata['confidence_p50'] = labelled.confidences.length > 0 ? median(labelled.confidences) : null;
      // Tasks written after the cards were frozen: how the router does on requests it was not tuned on.
      record(ctx, 'held_out_', await score(held!.subject, ROUTING_HELD_OUT_SET));
      if (labelled.correct / labelled.total < MIN_ROUTING_ACCURACY) {
        throw new Error(
          `semantic_routing: accuracy ${(ratio(labelled.correct, labelled.total) * 100).toFixed(1)}% ` +
            `(${labelled.correct}/${labelled.total}) on the labelled set is below ${MIN_ROUTING_ACCURACY * 100}%; ` +
            'a faster router that routes wrong is not measured (improve the embedder or the capability texts)',
        );
      }
    },
    async fn() {
      const example = ROUTING_SET[order[next++ % order.length] as number] as RoutingExample;
      const choice = await held!.subject.route!(example.task);
      timedTotal++;
      if (choice.agentId === example.agentId) timedCorrect++;
    },
    async teardown(ctx) {
      try {
        // Every timed decision counted too: a router that answers differently when timed would show here.
        ctx.metadata['timed_decisions'] = timedTotal;
        ctx.metadata['timed_accuracy'] = ratio(timedCorrect, timedTotal);
      } finally {
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
