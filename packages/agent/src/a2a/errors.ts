import { AgentError } from '../agent/errors';
import type { RouteDecision } from '../routing/semantic-router';

/** A2A server or client options it cannot work with; the one-line message names the fix. */
export class A2aConfigError extends AgentError {
  constructor(problem: string, fix: string) {
    super('A2A_INVALID_OPTIONS', `${problem} — ${fix}`);
  }
}

/** Nothing answered at the peer's address (connection refused, reset, unknown host). */
export class A2aUnreachableError extends AgentError {
  constructor(
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super('A2A_UNREACHABLE', `A2A peer not reachable at ${url} — start its server or fix the URL`, options);
  }
}

/** The peer did not answer within the timeout: the request was abandoned. */
export class A2aTimeoutError extends AgentError {
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(
      'A2A_TIMEOUT',
      `A2A peer at ${url} did not answer within ${timeoutMs} ms — check that it is healthy or raise timeoutMs`,
      options,
    );
  }
}

/** The peer answered, but not with valid A2A (not JSON, an HTTP or JSON-RPC error, an unusable card or reply). */
export class A2aProtocolError extends AgentError {
  constructor(
    readonly url: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(
      'A2A_PROTOCOL',
      `A2A peer at ${url} ${problem} — check that it speaks A2A 1.0 over JSON-RPC`,
      options,
    );
  }
}

/** The peer handled the message and reported failure (its task ended failed, rejected or canceled). */
export class A2aRemoteError extends AgentError {
  constructor(
    readonly url: string,
    readonly state: string,
    detail: string,
  ) {
    super(
      'A2A_REMOTE_FAILED',
      `A2A peer at ${url} ended the task ${state}${detail ? `: ${detail}` : ''} — see the peer's logs`,
    );
  }
}

/** A call was aborted through the caller's signal; `name` is `AbortError`, `cause` the signal's reason. */
export class A2aAbortError extends AgentError {
  constructor(options?: { cause?: unknown }) {
    super('A2A_ABORTED', 'The A2A call was aborted', options);
    this.name = 'AbortError';
  }
}

/** The server was used after `close()`. */
export class A2aServerClosedError extends AgentError {
  constructor(url: string) {
    super('A2A_SERVER_CLOSED', `The A2A server at ${url} is closed — serve the agent again`);
  }
}

/** No worker matched a task confidently, and there is no fallback worker. */
export class DelegationNoRouteError extends AgentError {
  constructor(readonly decision: RouteDecision) {
    const best =
      decision.bestId === null
        ? 'the task is empty'
        : `best "${decision.bestId}" at ${decision.confidence.toFixed(3)}`;
    super(
      'DELEGATION_NO_ROUTE',
      `No worker matches the task confidently (${best}) — add a worker for it, lower the threshold or set fallbackWorker`,
    );
  }
}
