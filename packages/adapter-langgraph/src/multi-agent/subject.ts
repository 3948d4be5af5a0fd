import {
  buildAgentCard,
  createSemanticRouter,
  describeCapabilities,
  type SemanticRouter,
} from '@kaizen-bench/agent';
import type { MultiAgentSubject, TeamAgent } from '@kaizen-bench/suite-multi-agent';
import { tool } from '@langchain/core/tools';
import { Annotation, Command, StateGraph } from '@langchain/langgraph';
import { type GraphCheckpointer, openGraphCheckpointer } from '../_graph-checkpointer';
import type { LanggraphSuiteOptions } from '../options';

/** Name of the LangGraph multi-agent subject in results (the backend is appended). */
export const LANGGRAPH_MULTI_AGENT_SUBJECT_NAME =
  'LangGraph.js supervisor graph, Command handoff to worker graphs';

/** Why A2A Protocol and Semantic Routing are skipped on LangGraph. */
export const LANGGRAPH_MULTI_AGENT_UNSUPPORTED = Object.freeze({
  a2a_protocol:
    'LangGraph.js has no A2A transport (A2A endpoints come with LangGraph Platform / Agent Server, not the ' +
    'open-source library); serving a graph through our A2A server would time our transport, not LangGraph',
  semantic_routing:
    'LangGraph.js has no semantic (embedding) router: routing is a node or an LLM call the application writes',
});

const DelegationState = Annotation.Root({
  text: Annotation<string>(),
  arguments: Annotation<unknown>(),
  agentId: Annotation<string>(),
  result: Annotation<unknown>(),
});

type DelegationGraph = ReturnType<typeof buildDelegationGraph>;

/** One worker: a compiled graph whose node runs the member's tool as a LangChain `tool()` (schema-validated). */
function buildWorker(member: TeamAgent) {
  const run = tool(
    (args, config) =>
      member.tool.execute(args as never, {
        signal: config?.signal ?? new AbortController().signal,
        sessionId: String(config?.configurable?.['thread_id'] ?? member.id),
      }) as Promise<unknown>,
    { name: member.tool.name, description: member.tool.description, schema: member.tool.parameters },
  );
  return new StateGraph(DelegationState)
    .addNode('run_tool', async (state, config) => ({
      result: await run.invoke(state.arguments as never, config),
    }))
    .addEdge('__start__', 'run_tool')
    .addEdge('run_tool', '__end__')
    .compile();
}

/** The supervisor graph: `route` hands off with `Command({ goto: worker })`; each worker is a subgraph node. */
function buildDelegationGraph(
  team: readonly TeamAgent[],
  router: SemanticRouter,
  checkpointer: GraphCheckpointer['saver'],
) {
  const ids = team.map((member) => member.id);
  let graph = new StateGraph(DelegationState).addNode(
    'route',
    async (state) => {
      const decision = await router.route(state.text);
      if (decision.agentId === null)
        throw new Error(`no worker for "${state.text}" (best ${decision.bestId}, ${decision.confidence})`);
      return new Command({ goto: decision.agentId, update: { agentId: decision.agentId } });
    },
    { ends: ids },
  );
  for (const member of team) graph = graph.addNode(member.id, buildWorker(member));
  graph = graph.addEdge('__start__', 'route');
  for (const id of ids) graph = graph.addEdge(id as '__start__', '__end__');
  return graph.compile({ checkpointer });
}

/**
 * The Multi-Agent suite's subject on LangGraph.js. Task Delegation: a supervisor graph whose `route` node picks
 * the worker and hands the task over with `new Command({ goto, update })`; each team member is a worker graph
 * (a compiled `StateGraph` added as a node) running its tool as a LangChain `tool()` (JSON-schema validated);
 * the result comes back in the graph's state. One thread per delegation, checkpointed by the backend. LangGraph
 * has no router: the `route` node calls the same semantic router of `@kaizen-bench/agent` (hashing embedder,
 * the members' card text) the reference supervisor uses, so both pay the same routing cost and differ in the
 * handoff (in-process Command vs an A2A round trip). A2A Protocol and Semantic Routing are declared unsupported.
 */
export function createLanggraphMultiAgentSubject(
  team: readonly TeamAgent[],
  options: LanggraphSuiteOptions,
): MultiAgentSubject & { ready(): Promise<void> } {
  let checkpointer: GraphCheckpointer | undefined;
  let graph: DelegationGraph | undefined;
  let router: SemanticRouter | undefined;
  let delegations = 0;
  const ready = async () => {
    if (graph) return;
    router = await createSemanticRouter({
      // The text the reference supervisor routes on: each member's Agent Card (its URL plays no part in it).
      routes: team.map((member) => ({
        id: member.id,
        description: describeCapabilities(
          buildAgentCard({
            name: member.id,
            description: member.description,
            skills: member.skills,
            url: 'http://127.0.0.1/',
          }),
        ),
      })),
    });
    checkpointer = await openGraphCheckpointer(options);
    graph = buildDelegationGraph(team, router, checkpointer.saver);
  };
  return {
    name: `${LANGGRAPH_MULTI_AGENT_SUBJECT_NAME} (${options.backend})`,
    unsupported: LANGGRAPH_MULTI_AGENT_UNSUPPORTED,
    ready,
    async delegate(task) {
      await ready();
      const out = await graph!.invoke(
        { text: task.text, arguments: task.arguments },
        { configurable: { thread_id: `delegation-${++delegations}` } },
      );
      return { agentId: out.agentId, result: out.result };
    },
    describe: () => ({
      framework:
        'LangGraph.js (@langchain/langgraph StateGraph, Command({ goto, update }), subgraphs as nodes)',
      backend: options.backend,
      ...(checkpointer ? { checkpointer: checkpointer.where } : {}),
      handoff: 'in-process Command({ goto: worker }) into a worker subgraph; no network',
      routing: router
        ? `the semantic router of @kaizen-bench/agent in the supervisor's route node (${router.embedder.name}), as the reference subject`
        : 'not built',
      delegations,
    }),
    async close() {
      await checkpointer?.close();
      checkpointer = undefined;
      graph = undefined;
    },
  };
}
