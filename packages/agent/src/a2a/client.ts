import type { AgentCard, Message, Task } from '@a2a-js/sdk';
import type { Client } from '@a2a-js/sdk/client';
import type { JsonValue } from '../checkpoint/state';
import { type A2aClientModules, importA2aClient } from './_sdk';
import {
  A2aAbortError,
  A2aConfigError,
  A2aProtocolError,
  A2aRemoteError,
  A2aTimeoutError,
  A2aUnreachableError,
} from './errors';
import { type A2aPayload, buildMessage, fromParts, ROLE_USER } from './payload';

/** Time a peer gets to answer one request (the card, a message) before the call fails. */
export const DEFAULT_A2A_TIMEOUT_MS = 10_000;

/** Options of {@link connectA2aAgent}. */
export interface A2aConnectOptions {
  /** Milliseconds each request (the card, every message) may take. @default 10000 */
  timeoutMs?: number;
  /** The `fetch` every request goes through (e.g. to add headers or record traffic). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** Options of {@link A2aPeer.send}. */
export interface A2aSendOptions {
  /** Aborting it rejects the call at once with an `A2aAbortError`. */
  signal?: AbortSignal;
  /** @default the peer's `timeoutMs` */
  timeoutMs?: number;
  /** Conversation to continue (the peer's `contextId` from an earlier reply). */
  contextId?: string;
}

/** The peer's answer to one message. */
export interface A2aReply {
  /** Text parts, joined with newlines. */
  text: string;
  /** First JSON data part, if any. */
  data: JsonValue | undefined;
  /** Conversation id the peer filed the message under. */
  contextId: string;
  /** `message`: answered directly; `task`: answered with a completed task (its artifacts are the reply). */
  kind: 'message' | 'task';
}

/** A connected A2A peer: its Agent Card, and a way to message it. */
export interface A2aPeer {
  /** Base URL it was reached at. */
  readonly url: string;
  /** The card's `name`. */
  readonly name: string;
  readonly card: AgentCard;
  /**
   * Sends one message (text, or `{ text, data }`) and resolves with the peer's reply.
   * @throws A2aUnreachableError, A2aTimeoutError, A2aProtocolError, A2aRemoteError, A2aAbortError
   */
  send(message: string | A2aPayload, options?: A2aSendOptions): Promise<A2aReply>;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** The A2A error for whatever a request threw. */
function toA2aError(
  error: unknown,
  url: string,
  call: { timeout: AbortSignal; timeoutMs: number; signal?: AbortSignal | undefined },
): Error {
  if (error instanceof A2aRemoteError || error instanceof A2aProtocolError) return error;
  if (call.signal?.aborted) return new A2aAbortError({ cause: call.signal.reason });
  if (call.timeout.aborted || (error as { name?: string })?.name === 'TimeoutError') {
    return new A2aTimeoutError(url, call.timeoutMs, { cause: error });
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (error instanceof TypeError && cause?.code !== undefined) {
    if (UNREACHABLE_CODES.has(cause.code)) return new A2aUnreachableError(url, { cause: error });
    return new A2aProtocolError(url, `dropped the connection (${cause.code}: ${cause.message ?? ''})`, {
      cause: error,
    });
  }
  return new A2aProtocolError(url, `answered with something that is not valid A2A (${messageOf(error)})`, {
    cause: error,
  });
}

function checkTimeout(timeoutMs: number, what: string): number {
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new A2aConfigError(
      `A2A ${what} ${timeoutMs} is not a positive number of milliseconds`,
      'pass e.g. 10000',
    );
  }
  return timeoutMs;
}

/** The reply in a `sendMessage` result: a message, or a task that completed; failures become errors. */
function readResult(result: Message | Task, url: string, core: A2aClientModules['core']): A2aReply {
  if (result && typeof result === 'object' && 'role' in result && Array.isArray(result.parts)) {
    return { ...fromParts(result.parts), contextId: result.contextId ?? '', kind: 'message' };
  }
  if (result && typeof result === 'object' && 'status' in result && result.status) {
    const { state, message } = result.status;
    const stateName = core.taskStateToJSON(state);
    if (state === core.TaskState.TASK_STATE_COMPLETED) {
      const parts = (result.artifacts ?? []).flatMap((artifact) => artifact.parts ?? []);
      return {
        ...fromParts(parts.length > 0 ? parts : message?.parts),
        contextId: result.contextId ?? '',
        kind: 'task',
      };
    }
    if (
      state === core.TaskState.TASK_STATE_FAILED ||
      state === core.TaskState.TASK_STATE_REJECTED ||
      state === core.TaskState.TASK_STATE_CANCELED
    ) {
      throw new A2aRemoteError(url, stateName, fromParts(message?.parts).text);
    }
    throw new A2aProtocolError(
      url,
      `left the task in state ${stateName}; this client handles completed replies only`,
    );
  }
  throw new A2aProtocolError(url, 'replied with neither a message nor a task');
}

/**
 * Connects to the A2A agent served at `url` (JSON-RPC binding, `@a2a-js/sdk`'s `ClientFactory`): fetches its
 * Agent Card from `/.well-known/agent-card.json`, then messages it on the card's JSON-RPC interface. Every
 * request is bounded by `timeoutMs`, so an unreachable or silent peer fails with a clear error, never hangs.
 * The SDK is imported on the first call.
 *
 * @throws A2aConfigError for a bad URL or timeout; A2aUnreachableError, A2aTimeoutError, A2aProtocolError
 */
export async function connectA2aAgent(url: string, options: A2aConnectOptions = {}): Promise<A2aPeer> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new A2aConfigError(
      `A2A peer URL ${JSON.stringify(url)} is not a URL`,
      'pass e.g. http://127.0.0.1:4000',
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new A2aConfigError(`A2A peer URL ${url} is not http(s)`, 'pass the base URL of its server');
  }
  const base = parsed.href.replace(/\/$/, '');
  const peerTimeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_A2A_TIMEOUT_MS, 'timeoutMs');
  const baseFetch = options.fetch ?? globalThis.fetch;
  const { core, client: sdk } = await importA2aClient();
  // Requests the SDK makes without a signal (the card) get the timeout here; messages bring their own.
  const fetchImpl: typeof fetch = (input, init) =>
    baseFetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(peerTimeoutMs) });
  const factory = new sdk.ClientFactory({
    transports: [new sdk.JsonRpcTransportFactory({ fetchImpl })],
    cardResolver: new sdk.DefaultAgentCardResolver({ fetchImpl }),
  });

  let client: Client;
  const cardTimeout = AbortSignal.timeout(peerTimeoutMs);
  try {
    client = await factory.createFromUrl(base);
  } catch (error) {
    if (/no compatible transport/i.test(messageOf(error))) {
      throw new A2aProtocolError(base, 'offers no JSON-RPC interface on its Agent Card', { cause: error });
    }
    throw toA2aError(error, base, { timeout: cardTimeout, timeoutMs: peerTimeoutMs });
  }
  const card = await client.getAgentCard();

  return {
    url: base,
    name: card.name,
    card,
    async send(message, sendOptions = {}) {
      const payload = typeof message === 'string' ? { text: message } : message;
      const timeoutMs = checkTimeout(sendOptions.timeoutMs ?? peerTimeoutMs, 'timeoutMs');
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = sendOptions.signal ? AbortSignal.any([sendOptions.signal, timeout]) : timeout;
      const request = buildMessage(ROLE_USER, payload, { contextId: sendOptions.contextId });
      try {
        const result = await client.sendMessage(
          { tenant: '', message: request, configuration: undefined, metadata: undefined },
          { signal },
        );
        return readResult(result, base, core);
      } catch (error) {
        throw toA2aError(error, base, { timeout, timeoutMs, signal: sendOptions.signal });
      }
    },
  };
}
