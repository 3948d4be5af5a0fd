import type { Embedder } from '../routing/embedder';
import { RoutingConfigError } from '../routing/errors';
import { createSemanticRouter, type RouteDecision, type SemanticRouter } from '../routing/semantic-router';
import { describeCapabilities } from './agent-card';
import {
  type A2aConnectOptions,
  type A2aPeer,
  type A2aReply,
  type A2aSendOptions,
  connectA2aAgent,
} from './client';
import { DelegationNoRouteError } from './errors';
import type { A2aPayload } from './payload';

/** Options of {@link createSupervisor}. */
export interface SupervisorOptions {
  /** Base URLs of the worker agents' A2A servers; each card's `name` must be unique. */
  workers: readonly string[];
  /** Embeds the workers' capabilities and each task. @default the hashing embedder (lexical) */
  embedder?: Embedder;
  /** Minimum cosine similarity to delegate. @default DEFAULT_ROUTE_THRESHOLD */
  threshold?: number;
  /** Worker name that gets tasks below the threshold. @default none: such a delegation throws `DelegationNoRouteError` */
  fallbackWorker?: string;
  /** Passed to every worker connection (`timeoutMs`, `fetch`). */
  connect?: A2aConnectOptions;
}

/** A task a supervisor delegated, and what came back. */
export interface DelegationResult {
  /** The worker that ran it. */
  agentId: string;
  decision: RouteDecision;
  reply: A2aReply;
  /** Milliseconds: routing (embed + compare), the A2A round trip to the worker, both. */
  timings: { routeMs: number; remoteMs: number; totalMs: number };
}

/** A supervisor agent: routes each task to the best worker by its Agent Card, and delegates it over A2A. */
export interface Supervisor {
  /** Connected workers, in the order given. */
  readonly workers: readonly A2aPeer[];
  /** The router over the workers' capabilities (from their cards). */
  readonly router: SemanticRouter;
  /** Where a task would go (embed + compare), without sending it. */
  route(task: string): Promise<RouteDecision>;
  /**
   * Routes `task` by its text, sends it (text and data) to the chosen worker over A2A and resolves with the
   * worker's reply.
   * @throws DelegationNoRouteError; the A2A errors of `A2aPeer.send`
   */
  delegate(task: string | A2aPayload, options?: A2aSendOptions): Promise<DelegationResult>;
  /** Releases the router's embedder if it made it (workers' servers are theirs to close). */
  close(): Promise<void>;
}

/**
 * Creates a supervisor over worker agents served with A2A: connects to each (fetching its Agent Card), and
 * embeds each card's capabilities (`describeCapabilities`: description, skills, tags, examples) once for the
 * semantic router.
 *
 * @throws RoutingConfigError for no workers, repeated names or an unknown fallback; the A2A connection errors
 */
export async function createSupervisor(options: SupervisorOptions): Promise<Supervisor> {
  if (!Array.isArray(options.workers) || options.workers.length === 0) {
    throw new RoutingConfigError('Supervisor has no workers', 'pass the base URLs of their A2A servers');
  }
  const workers = await Promise.all(options.workers.map((url) => connectA2aAgent(url, options.connect)));
  const byName = new Map<string, A2aPeer>();
  for (const worker of workers) {
    if (byName.has(worker.name)) {
      throw new RoutingConfigError(
        `Two workers are named "${worker.name}"`,
        'give every worker agent a unique name',
      );
    }
    byName.set(worker.name, worker);
  }
  if (options.fallbackWorker !== undefined && !byName.has(options.fallbackWorker)) {
    throw new RoutingConfigError(
      `Supervisor fallbackWorker "${options.fallbackWorker}" is not a worker`,
      `use one of ${[...byName.keys()].join(', ')}`,
    );
  }
  const router = await createSemanticRouter({
    routes: workers.map((worker) => ({ id: worker.name, description: describeCapabilities(worker.card) })),
    ...(options.embedder ? { embedder: options.embedder } : {}),
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    fallback: options.fallbackWorker ?? null,
  });

  return {
    workers,
    router,
    route: (task) => router.route(task),
    async delegate(task, sendOptions) {
      const payload = typeof task === 'string' ? { text: task } : task;
      const started = performance.now();
      const decision = await router.route(payload.text ?? '');
      const routed = performance.now();
      const worker = decision.agentId === null ? undefined : byName.get(decision.agentId);
      if (!worker) throw new DelegationNoRouteError(decision);
      const reply = await worker.send(payload, sendOptions);
      const done = performance.now();
      return {
        agentId: worker.name,
        decision,
        reply,
        timings: { routeMs: routed - started, remoteMs: done - routed, totalMs: done - started },
      };
    },
    close: () => router.close(),
  };
}
