import type { Server } from 'node:http';
import type { AgentCard } from '@a2a-js/sdk';
import type { AgentExecutor, ExecutionEventBus, RequestContext } from '@a2a-js/sdk/server';
import type { Agent } from '../agent/create-agent';
import type { JsonValue } from '../checkpoint/state';
import { importA2aServer } from './_sdk';
import { A2A_JSONRPC_PATH, AGENT_CARD_PATH, type AgentCardOptions, buildAgentCard } from './agent-card';
import { A2aConfigError, A2aServerClosedError } from './errors';
import { type A2aPayload, buildMessage, fromParts, ROLE_AGENT } from './payload';

/** The loopback address every A2A server made here binds to, and only that. */
export const A2A_HOST = '127.0.0.1';

/** One incoming A2A message, as a handler sees it. */
export interface A2aRequest {
  /** Text parts of the message, joined with newlines. */
  text: string;
  /** The message's first JSON data part, if any. */
  data: JsonValue | undefined;
  /** Conversation the message belongs to (the sender's, or one the server made up). */
  contextId: string;
  messageId: string;
  /** Aborted when the server closes while the handler runs. */
  signal: AbortSignal;
}

/** Answers one message; a throw (or rejection) makes the peer see a failed task with the error's message. */
export type A2aHandler = (request: A2aRequest) => A2aPayload | Promise<A2aPayload>;

/** Options of {@link serveA2aAgent}: the Agent Card fields, and exactly one of `agent` or `handler`. */
export interface ServeA2aAgentOptions extends AgentCardOptions {
  /** Messages run the agent: `agent.run(text, { sessionId: contextId, signal })`, the answer's text is the reply. */
  agent?: Agent;
  /** Messages go to this function (e.g. a deterministic tool task, see `toolTaskHandler`). */
  handler?: A2aHandler;
  /** Port on 127.0.0.1. @default 0 (a free port) */
  port?: number;
}

/** A running A2A server. */
export interface A2aServer {
  readonly name: string;
  /** Base URL, `http://127.0.0.1:<port>`: what a client connects to. */
  readonly url: string;
  /** The Agent Card's URL (`<url>/.well-known/agent-card.json`). */
  readonly cardUrl: string;
  /** The JSON-RPC endpoint (`<url>/a2a/jsonrpc`). */
  readonly rpcUrl: string;
  /** Always `127.0.0.1`: the server is reachable from this machine only. */
  readonly host: string;
  readonly port: number;
  readonly card: AgentCard;
  /** Messages answered (or failed) so far. */
  readonly messagesHandled: number;
  readonly closed: boolean;
  /** Stops listening, aborts running handlers and closes every connection (keep-alive ones too). Idempotent. */
  close(): Promise<void>;
}

function handlerOf(options: ServeA2aAgentOptions): A2aHandler {
  const { agent, handler } = options;
  if ((agent === undefined) === (handler === undefined)) {
    throw new A2aConfigError(
      `A2A agent "${options.name}" needs exactly one of agent or handler`,
      'pass an Agent to run, or a handler function',
    );
  }
  if (handler) {
    if (typeof handler !== 'function')
      throw new A2aConfigError(`A2A agent "${options.name}" handler is not a function`, 'pass a function');
    return handler;
  }
  return async ({ text, data, contextId, signal }) => {
    const input = data === undefined ? text : `${text}\n${JSON.stringify(data)}`;
    const result = await (agent as Agent).run(input, { sessionId: contextId, signal });
    return { text: result.text };
  };
}

/**
 * Serves an agent over A2A (JSON-RPC binding, `@a2a-js/sdk` with express), on 127.0.0.1 only and a free port
 * by default: the Agent Card at `/.well-known/agent-card.json`, messages at `/a2a/jsonrpc`. Each message is
 * answered with one message (no long-running task): the agent's answer, or what the handler returns.
 * The SDK and express are imported on the first call.
 *
 * @throws A2aConfigError for bad options; the listen error (e.g. EADDRINUSE) when the port is taken
 */
export async function serveA2aAgent(options: ServeA2aAgentOptions): Promise<A2aServer> {
  const handle = handlerOf(options);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new A2aConfigError(`A2A port ${port} is not an integer in [0, 65535]`, 'pass 0 for a free port');
  }
  buildAgentCard({ ...options, url: 'http://127.0.0.1/' }); // checks the card options before anything starts
  const { server: sdkServer, serverExpress, express, http } = await importA2aServer();

  const running = new Set<AbortController>();
  let handled = 0;
  let url = '';
  const executor: AgentExecutor = {
    async execute(context: RequestContext, bus: ExecutionEventBus) {
      const controller = new AbortController();
      running.add(controller);
      try {
        const message = context.userMessage;
        const { text, data } = fromParts(message.parts);
        const reply = await handle({
          text,
          data,
          contextId: context.contextId,
          messageId: message.messageId,
          signal: controller.signal,
        });
        controller.signal.throwIfAborted();
        bus.publish(
          sdkServer.AgentEvent.message(
            buildMessage(ROLE_AGENT, reply ?? {}, { contextId: context.contextId }),
          ),
        );
        bus.finished();
      } finally {
        handled++;
        running.delete(controller);
      }
    },
    // Messages are answered at once: there is no long-running task to cancel.
    async cancelTask() {},
  };

  const app = express();
  const server: Server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: A2A_HOST }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as { address: string; port: number };
  url = `http://${A2A_HOST}:${bound.port}`;
  const card = buildAgentCard({ ...options, url: `${url}${A2A_JSONRPC_PATH}` });
  const requestHandler = new sdkServer.DefaultRequestHandler(
    card,
    new sdkServer.InMemoryTaskStore(),
    executor,
  );
  app.use(AGENT_CARD_PATH, serverExpress.agentCardHandler({ agentCardProvider: requestHandler }));
  app.use(
    A2A_JSONRPC_PATH,
    serverExpress.jsonRpcHandler({ requestHandler, userBuilder: serverExpress.UserBuilder.noAuthentication }),
  );

  let closing: Promise<void> | undefined;
  return {
    name: options.name,
    url,
    cardUrl: `${url}${AGENT_CARD_PATH}`,
    rpcUrl: `${url}${A2A_JSONRPC_PATH}`,
    host: bound.address,
    port: bound.port,
    card,
    get messagesHandled() {
      return handled;
    },
    get closed() {
      return closing !== undefined;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const controller of running) controller.abort(new A2aServerClosedError(url));
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open until they time out: end them now.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
