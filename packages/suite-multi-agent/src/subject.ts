import type { JsonValue } from '@kaizen-bench/agent';
import type { TeamAgent } from './data/team';

type MaybePromise<T> = T | Promise<T>;

/** Where a subject routed a task. */
export interface RouteChoice {
  /** A team agent's id, or null when the subject would not route it (a fallback to no agent). */
  agentId: string | null;
  /** The subject's confidence (e.g. the cosine similarity), if it has one: its median goes to metadata. */
  confidence?: number;
}

/** What came back from a delegated task. */
export interface DelegationOutcome {
  /** The team agent that ran it. */
  agentId: string;
  /** The JSON result of that agent's tool (the suite checks it against the expected one, untimed). */
  result: unknown;
}

/** The HTTP request and response bodies of one A2A message exchange: the A2A floor sends the same bytes. */
export interface WireExchange {
  /** Request body, as sent (JSON). */
  request: string;
  /** Response body, as received (JSON). */
  response: string;
}

/**
 * The operations the Multi-Agent suite times. Implement it to benchmark your own framework; leave an operation
 * out and its benchmark is `skipped` with the reason. The suite's team (`MULTI_AGENT_TEAM`: ten specialists with
 * their cards and one deterministic tool each) is what the subject serves, routes to and delegates to; the
 * default subject (`createReferenceSubject`) builds it from `@kaizen-bench/agent`.
 */
/** Ids of the Multi-Agent benchmarks, as in results. */
export type MultiAgentBenchmarkId = 'a2a_protocol' | 'semantic_routing' | 'task_delegation';

export interface MultiAgentSubject {
  /** Shown in the results' metadata. */
  readonly name: string;
  /**
   * Benchmarks the framework does not offer, with the reason (e.g. `{ a2a_protocol: 'no A2A transport' }`):
   * each is `skipped` with it, whatever operations the subject has.
   */
  readonly unsupported?: Partial<Record<MultiAgentBenchmarkId, string>>;
  /**
   * A2A Protocol: sends `text` as one A2A message to the team agent `agentId`, over the network (loopback), and
   * resolves with the text of its reply. A team agent answers a text-only message by echoing it: the suite
   * checks, untimed, that the reply equals `text`.
   */
  sendMessage?(agentId: string, text: string): Promise<string>;
  /**
   * The bodies of one `sendMessage(agentId, text)` exchange as they went over the wire, recorded untimed; the
   * A2A floor POSTs the same request bytes and gets the same response bytes. Without it the floor uses an A2A
   * 1.0 JSON-RPC `SendMessage` request and reply built by the suite.
   */
  recordExchange?(agentId: string, text: string): Promise<WireExchange>;
  /** Semantic Routing: picks the team agent for `task` (embed + compare, for an embedding router). */
  route?(task: string): Promise<RouteChoice>;
  /**
   * Task Delegation: routes `task.text`, sends the task (text and tool `arguments`) to the chosen agent over
   * A2A, which runs its tool, and resolves with the agent and the tool's result.
   */
  delegate?(task: { text: string; arguments: JsonValue }): Promise<DelegationOutcome>;
  /** Facts for the results' metadata (embedder, transport, ...), asked for once per benchmark after its last iteration. */
  describe?(): MaybePromise<Record<string, unknown>>;
  /** Releases servers and clients; called once per benchmark when the suite made the subject. */
  close?(): MaybePromise<void>;
}

/**
 * A subject, or a factory making a fresh subject per benchmark from the team. The suite closes subjects made
 * through a factory; a subject object passed directly is shared by the three benchmarks and never closed.
 */
export type MultiAgentSubjectSource =
  | MultiAgentSubject
  | ((team: readonly TeamAgent[]) => MaybePromise<MultiAgentSubject>);
