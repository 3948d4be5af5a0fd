import { AgentError } from '../agent/errors';

/** A router, supervisor or embedder was given options it cannot work with; the message names the fix. */
export class RoutingConfigError extends AgentError {
  constructor(problem: string, fix: string) {
    super('ROUTING_INVALID_CONFIG', `${problem} — ${fix}`);
  }
}

/** An embedder returned something a router cannot compare (wrong count, ragged or non-finite vectors). */
export class EmbeddingError extends AgentError {
  constructor(
    readonly embedder: string,
    problem: string,
    fix = 'check the embedder (model, server) and try again',
    options?: { cause?: unknown },
  ) {
    super('ROUTING_EMBEDDING_FAILED', `Embedder ${embedder} ${problem} — ${fix}`, options);
  }
}
