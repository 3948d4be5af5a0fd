import {
  type A2aServer,
  createSupervisor,
  type Embedder,
  serveA2aAgent,
  type Supervisor,
  toolTaskHandler,
} from '@kaizen-bench/agent';
import type { TeamAgent } from './data/team';
import type { MultiAgentSubject, WireExchange } from './subject';

/** Name of the default subject in results. */
export const REFERENCE_SUBJECT_NAME = 'A2A supervisor and workers (@kaizen-bench/agent, @a2a-js/sdk)';

/** Options of {@link createReferenceSubject}. */
export interface ReferenceSubjectOptions {
  /** Embeds the workers' cards and the tasks. @default the hashing embedder (lexical, no model) */
  embedder?: Embedder;
  /** Milliseconds each A2A request may take. @default 10000 */
  timeoutMs?: number;
}

/**
 * The default subject: each team agent served over A2A (`serveA2aAgent`, its own server on 127.0.0.1 and a free
 * port, a deterministic `toolTaskHandler` for its tool, text-only messages echoed), and a supervisor
 * (`createSupervisor`) that discovered them by their Agent Cards and routes with the semantic router.
 * `close()` stops every server.
 */
export async function createReferenceSubject(
  team: readonly TeamAgent[],
  options: ReferenceSubjectOptions = {},
): Promise<MultiAgentSubject> {
  const servers: A2aServer[] = [];
  let supervisor: Supervisor | undefined;
  // Records the bodies of one exchange for the A2A floor; a flag check only on every other request.
  let recording: { request?: string; response?: Promise<string> } | undefined;
  const recordingFetch: typeof fetch = async (input, init) => {
    const tap = recording;
    if (tap && typeof init?.body === 'string') tap.request = init.body;
    const response = await fetch(input, init);
    if (tap && tap.request !== undefined && tap.response === undefined)
      tap.response = response.clone().text();
    return response;
  };
  const close = async () => {
    await supervisor?.close();
    await Promise.all(servers.map((server) => server.close()));
  };
  try {
    for (const member of team) {
      servers.push(
        await serveA2aAgent({
          name: member.id,
          description: member.description,
          skills: member.skills,
          handler: toolTaskHandler([member.tool], { onText: ({ text }) => ({ text }) }),
        }),
      );
    }
    supervisor = await createSupervisor({
      workers: servers.map((server) => server.url),
      ...(options.embedder ? { embedder: options.embedder } : {}),
      connect: { fetch: recordingFetch, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) },
    });
  } catch (error) {
    await close();
    throw error;
  }
  const ready = supervisor;
  const peer = (agentId: string) => {
    const found = ready.workers.find((worker) => worker.name === agentId);
    if (!found)
      throw new Error(`no team agent "${agentId}" among ${ready.workers.map((w) => w.name).join(', ')}`);
    return found;
  };

  return {
    name: REFERENCE_SUBJECT_NAME,
    async sendMessage(agentId, text) {
      return (await peer(agentId).send(text)).text;
    },
    async recordExchange(agentId, text): Promise<WireExchange> {
      const tap: { request?: string; response?: Promise<string> } = {};
      recording = tap;
      try {
        await peer(agentId).send(text);
      } finally {
        recording = undefined;
      }
      if (tap.request === undefined || tap.response === undefined)
        throw new Error('recordExchange: no request was seen');
      return { request: tap.request, response: await tap.response };
    },
    async route(task) {
      const decision = await ready.route(task);
      return { agentId: decision.agentId, confidence: decision.confidence };
    },
    async delegate(task) {
      const { agentId, reply } = await ready.delegate({
        text: task.text,
        data: { arguments: task.arguments },
      });
      const data = reply.data as { result?: unknown; error?: { code: string; message: string } } | undefined;
      if (data?.error)
        throw new Error(`worker ${agentId} reported ${data.error.code}: ${data.error.message}`);
      return { agentId, result: data?.result };
    },
    describe: () => ({
      transport:
        'A2A 1.0, JSON-RPC binding over HTTP/1.1 keep-alive (@a2a-js/sdk 1.3.0 with express 5.3.0; client: fetch)',
      servers: servers.length,
      server_host: servers[0]?.host ?? null,
      messages_handled: servers.reduce((sum, server) => sum + server.messagesHandled, 0),
      embedder: ready.router.embedder.name,
      embedder_kind: ready.router.embedder.kind,
      ...(ready.router.embedder.kind === 'lexical'
        ? {
            embedder_note:
              'lexical, not neural: feature hashing of words, word pairs and character trigrams; similar spellings ' +
              'score high, meaning does not count',
          }
        : {}),
      route_threshold: ready.router.threshold,
      routes_from: "each worker's Agent Card: description, skills, tags, examples",
    }),
    close,
  };
}
