import { type LlmProvider, resolveProvider } from '@kaizen-bench/agent';
import {
  type InterruptRunOutcome,
  type InterruptsSubject,
  type InterruptTask,
  TASK_GENERATION,
} from '@kaizen-bench/suite-interrupts';
import type { BaseMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { type GraphCheckpointer, openGraphCheckpointer } from '../_graph-checkpointer';
import { KaizenChatModel } from '../execution/chat-model';
import type { LanggraphSuiteOptions } from '../options';

/** Name of the LangGraph interrupts subject in results (the backend is appended). */
export const LANGGRAPH_INTERRUPTS_SUBJECT_NAME = 'LangGraph.js createReactAgent + AbortSignal';

/** Why the LangGraph subject leaves out the sources it leaves out (Detection's metadata). */
export const LANGGRAPH_UNSUPPORTED_SOURCES = Object.freeze({
  signal:
    'LangGraph.js installs no OS-signal handling: a process.on(SIGINT/SIGTERM) handler that aborts the invoke ' +
    "signal (or calls RunControl.requestDrain()) is the application's code, measured here as the abort source",
  timeout:
    'LangGraph.js has no run-level timeout: stepTimeout and a node TimeoutPolicy bound one superstep / one node ' +
    'attempt, and AbortSignal.timeout() is the abort source',
  budget:
    'LangGraph.js has no cost or unit budget: recursionLimit counts supersteps and stops only at a step boundary',
});

type ReactAgent = ReturnType<typeof createReactAgent>;

/** A graph and the checkpointer it holds: what a graceful shutdown releases. */
interface LiveGraph {
  agent: ReactAgent;
  checkpointer: GraphCheckpointer;
}

/**
 * The Interrupts suite's subject on LangGraph.js: the task as a `createReactAgent` graph (the task tool as a
 * LangChain `tool()` that gets the node's `config.signal`, a {@link KaizenChatModel} on the same provider as
 * the reference agent with `tool_choice: 'required'`), the backend's checkpointer, one fresh thread per run.
 * Caller abort is `invoke(input, { signal, durability: 'sync' })`: detected when `invoke` rejects. LangGraph
 * writes each superstep's checkpoint before the next superstep starts (`durability: 'sync'`), so the checkpoint
 * of the completed steps is already durable when the interrupt comes: nothing more is written on interrupt.
 * A graceful shutdown waits for the in-flight tool to settle and closes the checkpointer's connection
 * (LangGraph has no shutdown hooks); the next run opens a new one, untimed.
 */
export function createLanggraphInterruptsSubject(options: LanggraphSuiteOptions): InterruptsSubject {
  let provider: LlmProvider | undefined;
  let providerFacts: Record<string, unknown> | undefined;
  let task: InterruptTask | undefined;
  let live: LiveGraph | undefined;
  let lastThread: string | undefined;
  let runs = 0;
  let graphsBuilt = 0;
  // The task tool's current call, so a shutdown can wait for it to settle.
  let inFlight: Promise<unknown> | undefined;
  const settledBeforeReject = { yes: 0, no: 0 };

  const buildGraph = async (): Promise<LiveGraph> => {
    const t = task!;
    const checkpointer = await openGraphCheckpointer(options);
    const taskTool = tool(
      (args, config) => {
        const call = t.tool.execute(args, { signal: config.signal ?? new AbortController().signal });
        inFlight = call.catch(() => {});
        return call;
      },
      { name: t.tool.name, description: t.tool.description, schema: t.tool.parameters },
    );
    const model = new KaizenChatModel({ provider: provider!, generation: { ...TASK_GENERATION } });
    const agent = createReactAgent({
      llm: model.bindTools([taskTool], { tool_choice: 'required' }),
      tools: [taskTool],
      prompt: t.instructions,
      checkpointer: checkpointer.saver,
    });
    graphsBuilt++;
    return { agent, checkpointer };
  };

  // Checkpointers disconnected by a shutdown; their files or schemas are removed before the next graph is built.
  const retired: GraphCheckpointer[] = [];
  const release = async (held: LiveGraph | undefined) => {
    await held?.checkpointer.close().catch(() => {});
    for (const old of retired.splice(0)) await old.close().catch(() => {});
  };

  return {
    name: `${LANGGRAPH_INTERRUPTS_SUBJECT_NAME} (${options.backend})`,
    sources: ['abort'],
    unsupported: LANGGRAPH_UNSUPPORTED_SOURCES,
    async prepare(next) {
      if (!provider) {
        const resolved = await resolveProvider({ llm: 'embedded', ...options.llm });
        provider = resolved.provider;
        const info = provider.info();
        providerFacts = { engine: info.engine, model: info.model, choice: resolved.reason };
      }
      await release(live);
      live = undefined;
      task = next;
    },
    async run(runOptions): Promise<InterruptRunOutcome> {
      if (!live) {
        await release(undefined);
        live = await buildGraph();
      }
      const { agent, checkpointer } = live;
      const thread = `run-${++runs}`;
      lastThread = thread;
      inFlight = undefined;
      try {
        await agent.invoke(
          { messages: [{ role: 'user', content: task!.input }] },
          // 'sync': each superstep's checkpoint is written before the next one starts. With the default 'async'
          // invoke can reject on abort while the last completed superstep's put is still in flight (seen here on
          // PostgresSaver: a checkpoint loaded right after the rejection was one step short).
          { configurable: { thread_id: thread }, signal: runOptions.signal, durability: 'sync' },
        );
        return { status: 'completed' };
      } catch (error) {
        const detectedAt = process.hrtime.bigint();
        if (!runOptions.signal.aborted) throw error;
        const outcome: InterruptRunOutcome = { status: 'interrupted', kind: 'abort', detectedAt };
        const facts: Record<string, unknown> = {};
        // LangGraph wrote the completed supersteps' checkpoints before the long step began (durability 'sync').
        if (runOptions.checkpoint) outcome.checkpointedAt = detectedAt;
        if (runOptions.shutdown) {
          // Set by the tool wrapper during the run (TypeScript cannot see that through the closure).
          const pending = inFlight as Promise<unknown> | undefined;
          let settled = false;
          void pending?.then(() => {
            settled = true;
          });
          await Promise.resolve();
          settledBeforeReject[settled ? 'yes' : 'no']++;
          await pending;
          let closeError: string | undefined;
          try {
            await checkpointer.disconnect();
          } catch (closeFailure) {
            closeError = (closeFailure as Error).message;
          }
          outcome.stoppedAt = process.hrtime.bigint();
          // Untimed: its files or schema go too; the next run opens a new checkpointer.
          retired.push(checkpointer);
          live = undefined;
          Object.assign(facts, {
            tools_settled: pending ? 1 : 0,
            hooks: [],
            ...(closeError ? { close_error: closeError } : {}),
          });
        }
        return { ...outcome, facts };
      }
    },
    async loadCheckpoint() {
      if (!live || !lastThread)
        throw new Error('LangGraph interrupts subject: no run to load a checkpoint of');
      const state = await live.agent.getState({ configurable: { thread_id: lastThread } });
      const messages = (state.values as { messages?: BaseMessage[] }).messages ?? [];
      const results = messages
        .filter((m) => m.getType() === 'tool')
        .map((m) => JSON.parse(String(m.content)));
      return { completedSteps: results.length, toolResults: results };
    },
    describe: () => ({
      framework: 'LangGraph.js (@langchain/langgraph createReactAgent; invoke(input, { signal }))',
      backend: options.backend,
      ...(providerFacts ? { provider: providerFacts } : {}),
      graphs_built: graphsBuilt,
      checkpoint_on_interrupt:
        "none written on interrupt: with durability 'sync' LangGraph wrote each superstep's checkpoint before " +
        'the next one started; checkpointedAt = the rejection. With the default durability async, invoke can ' +
        "reject on abort before the last superstep's checkpoint write finished",
      shutdown:
        "wait for the in-flight tool to settle, close the checkpointer's connection (sqlite db / postgres pool); " +
        'LangGraph has no shutdown hooks',
      ...(settledBeforeReject.yes + settledBeforeReject.no > 0
        ? { shutdown_tool_settled_when_invoke_rejected: { ...settledBeforeReject } }
        : {}),
    }),
    async close() {
      await release(live);
      live = undefined;
      await provider?.close();
      provider = undefined;
    },
  };
}
