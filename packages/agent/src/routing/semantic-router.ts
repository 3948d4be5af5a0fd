import type { Embedder, SparseVector } from './embedder';
import { EmbeddingError, RoutingConfigError } from './errors';
import { createHashingEmbedder } from './hashing-embedder';
import { dot, l2Normalize } from './vector';

/** A task's unit vector, dense or as its non-zeros (from `embedSparse`). */
type TaskVector = Float64Array | SparseVector;

/**
 * Cosine similarity below which a task is not routed (the router falls back): calibrated for the default
 * hashing embedder on the Multi-Agent suite's team, where off-topic text scores at most ~0.03 against the
 * best card and a task for one of the agents at least ~0.04 (median ~0.15). Other embedders need their own.
 */
export const DEFAULT_ROUTE_THRESHOLD = 0.035;

/** Scores closer than this are a tie, broken by the order of the routes. */
export const ROUTE_TIE_EPSILON = 1e-9;

/** One place a task can be routed to: an agent and what it can do. */
export interface RouteTarget {
  /** Unique id returned in decisions (e.g. the agent's name). */
  id: string;
  /** Capability description, embedded once when the router is created. */
  description: string;
}

/** Options of {@link createSemanticRouter}. */
export interface SemanticRouterOptions {
  /** Where tasks can go; at least one, unique ids, non-empty descriptions. */
  routes: readonly RouteTarget[];
  /** @default createHashingEmbedder() (lexical feature hashing: no model, no download) */
  embedder?: Embedder;
  /** Best cosine similarity a task needs to be routed, in [-1, 1]. @default DEFAULT_ROUTE_THRESHOLD (0.035) */
  threshold?: number;
  /** `agentId` of decisions below the threshold or on empty input (need not be a route). @default null */
  fallback?: string | null;
}

/** Why a decision went where it went. */
export type RouteReason = 'matched' | 'below_threshold' | 'empty_input';

/** Where a task goes, and how sure the router is. */
export interface RouteDecision {
  /** The chosen route, or the fallback (null by default) when below the threshold or for empty input. */
  agentId: string | null;
  /** The most similar route whatever the threshold; null for empty input. */
  bestId: string | null;
  /** Cosine similarity of the task and the best route (0 for empty input). */
  confidence: number;
  /** Best score minus the runner-up's (the best score itself with one route; 0 on a tie or empty input). */
  margin: number;
  /** True when `agentId` is the fallback rather than the best route. */
  fallback: boolean;
  reason: RouteReason;
  /** Several routes shared the best score: the first of them in route order was taken. */
  tie: boolean;
  /** Each route's cosine similarity, in route order (empty for empty input). */
  scores: ReadonlyArray<{ id: string; score: number }>;
}

/** Routes tasks to the agent whose capability description is most similar (cosine). */
export interface SemanticRouter {
  readonly routes: readonly RouteTarget[];
  readonly embedder: Embedder;
  readonly threshold: number;
  readonly fallback: string | null;
  /** Embeds `task` and picks the most similar route. */
  route(task: string): Promise<RouteDecision>;
  /** The same for several tasks, embedded in one `embed` call. */
  routeMany(tasks: readonly string[]): Promise<RouteDecision[]>;
  /** Closes the embedder when the router created it (the default one); yours is left open. */
  close(): Promise<void>;
}

function checkOptions(options: SemanticRouterOptions): void {
  const { routes } = options;
  if (!Array.isArray(routes) || routes.length === 0) {
    throw new RoutingConfigError('Semantic router has no routes', 'pass at least one { id, description }');
  }
  const seen = new Set<string>();
  routes.forEach((route, i) => {
    if (typeof route?.id !== 'string' || route.id.length === 0) {
      throw new RoutingConfigError(
        `Semantic router routes[${i}].id is empty`,
        'give every route a unique id',
      );
    }
    if (seen.has(route.id)) {
      throw new RoutingConfigError(
        `Semantic router route id "${route.id}" appears twice`,
        'make route ids unique',
      );
    }
    seen.add(route.id);
    if (typeof route.description !== 'string' || route.description.trim().length === 0) {
      throw new RoutingConfigError(
        `Semantic router route "${route.id}" has no description`,
        'describe what the agent can do: that text is what tasks are compared with',
      );
    }
  });
  const { threshold } = options;
  if (threshold !== undefined && !(Number.isFinite(threshold) && threshold >= -1 && threshold <= 1)) {
    throw new RoutingConfigError(
      `Semantic router threshold ${threshold} is not in [-1, 1]`,
      'pass a cosine similarity, e.g. 0.1',
    );
  }
}

function embeddingFailure(embedder: Embedder, error: unknown): EmbeddingError {
  if (error instanceof EmbeddingError) return error;
  return new EmbeddingError(
    embedder.name,
    `failed: ${error instanceof Error ? error.message : String(error)}`,
    undefined,
    {
      cause: error,
    },
  );
}

function checkCount(embedder: Embedder, vectors: unknown, count: number): void {
  if (!Array.isArray(vectors) || vectors.length !== count) {
    throw new EmbeddingError(
      embedder.name,
      `returned ${Array.isArray(vectors) ? vectors.length : 'no'} vectors for ${count} texts`,
    );
  }
}

/** Embeds (dense) and checks the vectors: one per text, one length, finite; returned unit length. */
async function embedDense(
  embedder: Embedder,
  texts: readonly string[],
  dimensions?: number,
): Promise<Float64Array[]> {
  let vectors: number[][];
  try {
    vectors = await embedder.embed([...texts]);
  } catch (error) {
    throw embeddingFailure(embedder, error);
  }
  checkCount(embedder, vectors, texts.length);
  const length = dimensions ?? vectors[0]?.length ?? 0;
  return vectors.map((vector) => {
    if (!vector || vector.length !== length || length === 0) {
      throw new EmbeddingError(
        embedder.name,
        `returned a vector of length ${vector?.length ?? 0} where ${length} was expected`,
      );
    }
    const unit = l2Normalize(vector);
    if (!unit.every(Number.isFinite)) {
      throw new EmbeddingError(
        embedder.name,
        `returned a non-finite value (${vector.find((x) => !Number.isFinite(x))})`,
      );
    }
    return unit;
  });
}

/** Embeds through `embedSparse` and checks the vectors like `embedDense`; returned unit length. */
async function embedSparse(
  embedder: Embedder,
  texts: readonly string[],
  dimensions: number,
): Promise<SparseVector[]> {
  let vectors: SparseVector[];
  try {
    vectors = await (embedder.embedSparse as NonNullable<Embedder['embedSparse']>)([...texts]);
  } catch (error) {
    throw embeddingFailure(embedder, error);
  }
  checkCount(embedder, vectors, texts.length);
  return vectors.map(({ dimensions: length, indices, values }) => {
    if (length !== dimensions || indices.length !== values.length) {
      throw new EmbeddingError(
        embedder.name,
        `returned a sparse vector of length ${length} where ${dimensions} was expected`,
      );
    }
    let sum = 0;
    for (let k = 0; k < values.length; k++) {
      const at = indices[k] as number;
      const value = values[k] as number;
      if (!Number.isFinite(value) || !(at >= 0 && at < dimensions)) {
        throw new EmbeddingError(embedder.name, `returned a bad sparse entry (${at}: ${value})`);
      }
      sum += value * value;
    }
    const inverse = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    return { dimensions, indices, values: values.map((value) => value * inverse) };
  });
}

/** Cosine of a unit task vector and a unit route vector. */
function similarity(task: TaskVector, route: Float64Array): number {
  if (task instanceof Float64Array) return dot(task, route);
  let sum = 0;
  for (let k = 0; k < task.indices.length; k++)
    sum += (task.values[k] as number) * (route[task.indices[k] as number] as number);
  return sum;
}

/**
 * Creates a semantic router: embeds the routes' capability descriptions once (now), then routes each task to
 * the most similar one by cosine similarity, with its confidence; below `threshold`, or for empty input, the
 * decision is the `fallback`. Ties go to the route listed first.
 *
 * @throws RoutingConfigError for bad options; EmbeddingError when the embedder fails or returns bad vectors
 */
export async function createSemanticRouter(options: SemanticRouterOptions): Promise<SemanticRouter> {
  checkOptions(options);
  const routes = options.routes.map(({ id, description }) => ({ id, description }));
  const ownsEmbedder = options.embedder === undefined;
  const embedder = options.embedder ?? createHashingEmbedder();
  const threshold = options.threshold ?? DEFAULT_ROUTE_THRESHOLD;
  const fallback = options.fallback ?? null;
  const routeVectors = await embedDense(
    embedder,
    routes.map((route) => route.description),
  );
  const dimensions = routeVectors[0]?.length ?? 0;

  const decide = (vector: TaskVector | undefined): RouteDecision => {
    if (vector === undefined) {
      return {
        agentId: fallback,
        bestId: null,
        confidence: 0,
        margin: 0,
        fallback: true,
        reason: 'empty_input',
        tie: false,
        scores: [],
      };
    }
    const scores = routes.map((route, i) => ({
      id: route.id,
      score: similarity(vector, routeVectors[i] as Float64Array),
    }));
    let best = 0;
    for (let i = 1; i < scores.length; i++) {
      if (
        (scores[i] as { score: number }).score >
        (scores[best] as { score: number }).score + ROUTE_TIE_EPSILON
      )
        best = i;
    }
    const bestScore = (scores[best] as { score: number }).score;
    let runnerUp = Number.NEGATIVE_INFINITY;
    let tie = false;
    scores.forEach(({ score }, i) => {
      if (i === best) return;
      if (Math.abs(score - bestScore) <= ROUTE_TIE_EPSILON) tie = true;
      runnerUp = Math.max(runnerUp, score);
    });
    const margin = tie ? 0 : scores.length > 1 ? bestScore - runnerUp : bestScore;
    const bestId = (scores[best] as { id: string }).id;
    const matched = bestScore >= threshold;
    return {
      agentId: matched ? bestId : fallback,
      bestId,
      confidence: bestScore,
      margin,
      fallback: !matched,
      reason: matched ? 'matched' : 'below_threshold',
      tie,
      scores,
    };
  };

  const routeMany = async (tasks: readonly string[]): Promise<RouteDecision[]> => {
    for (const task of tasks) {
      if (typeof task !== 'string')
        throw new TypeError(`route(task): task must be a string, got ${typeof task}`);
    }
    const nonEmpty = tasks.filter((task) => task.trim().length > 0);
    const vectors: TaskVector[] =
      nonEmpty.length === 0
        ? []
        : embedder.embedSparse
          ? await embedSparse(embedder, nonEmpty, dimensions)
          : await embedDense(embedder, nonEmpty, dimensions);
    let next = 0;
    return tasks.map((task) => decide(task.trim().length > 0 ? vectors[next++] : undefined));
  };

  return {
    routes,
    embedder,
    threshold,
    fallback,
    async route(task) {
      return (await routeMany([task]))[0] as RouteDecision;
    },
    routeMany,
    async close() {
      if (ownsEmbedder) await embedder.close?.();
    },
  };
}
