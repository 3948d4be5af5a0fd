import {
  type ChatMessage,
  type ChatOptions,
  DEFAULT_SYSTEM_PROMPT,
  type JsonValue,
  type LlmProvider,
} from '@kaizen-bench/agent';
import type {
  ExecutionModelInfo,
  ExecutionRun,
  ExecutionSubject,
  ExecutionWorkload,
  LongTask,
  TaskRun,
} from '@kaizen-bench/suite-execution';
import { resolveExecutionModel } from '@kaizen-bench/suite-execution';
import type { BaseMessage } from '@langchain/core/messages';
import { type StructuredToolInterface, tool } from '@langchain/core/tools';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { type GraphCheckpointer, openGraphCheckpointer } from '../_graph-checkpointer';
import type { LanggraphSuiteOptions } from '../options';
import { KaizenChatModel, type KaizenModelCall } from './chat-model';

type ReactAgent = ReturnType<typeof createReactAgent>;

/** Name of the LangGraph execution subject in results (the backend is appended). */
export const LANGGRAPH_EXECUTION_SUBJECT_NAME = 'LangGraph.js createReactAgent';

/**
 * The Execution suite's subject on LangGraph.js: `createReactAgent` (from `@langchain/langgraph/prebuilt`)
 * over a {@link KaizenChatModel} wrapping the provider the reference agent uses (resolved the same way, so
 * both runtimes call the same engine and model), with the backend's checkpointer. A session is a thread:
 * Multi-Turn's memory is the thread's `messages` state. Long-Running binds the task's tools (`tool()`,
 * `returnDirect`, `tool_choice: 'required'`), so each step's `invoke` is one model call, the tool, and
 * LangGraph's checkpoints of that step; the step's checkpoint id is the last one its run streamed.
 * `rawCall` is `provider.chat` with exactly the messages and options the wrapper sent.
 */
export function createLanggraphExecutionSubject(options: LanggraphSuiteOptions): ExecutionSubject {
  let provider: LlmProvider | undefined;
  let info: ExecutionModelInfo | undefined;
  let checkpointer: GraphCheckpointer | undefined;
  let chatAgent: ReactAgent | undefined;
  let taskAgent: ReactAgent | undefined;
  let calls: KaizenModelCall[] = [];
  const taskSteps = new Map<string, number>();
  const checkpointsPerStep: number[] = [];
  let closed = false;
  const onCall = (call: KaizenModelCall) => calls.push(call);

  const prepared = (agent: ReactAgent | undefined, kind: string): ReactAgent => {
    if (!agent) throw new Error(`LangGraph execution subject: call prepare({ kind: '${kind}', ... }) first`);
    return agent;
  };

  const resolveOnce = async (): Promise<LlmProvider> => {
    if (provider) return provider;
    const resolved = await resolveExecutionModel(options.llm);
    provider = resolved.provider;
    info = resolved.info;
    return provider;
  };

  const buildTaskAgent = (workload: ExecutionWorkload, llm: LlmProvider): ReactAgent => {
    const task = workload.task;
    if (!task) throw new Error('LangGraph execution subject: a long_running workload needs its task');
    const tools: StructuredToolInterface[] = task.tools.map((t) =>
      tool(async (_args, config) => t.run(taskSteps.get(String(config?.configurable?.['thread_id'])) ?? 1), {
        name: t.name,
        description: t.description,
        schema: t.parameters,
        returnDirect: true,
      }),
    );
    const model = new KaizenChatModel({ provider: llm, generation: workload.generation, onCall });
    return createReactAgent({
      llm: model.bindTools(tools, { tool_choice: 'required' }),
      tools,
      prompt: task.instructions,
      checkpointer: checkpointer!.saver,
    });
  };

  /** One `invoke` of `agent` in the thread; the model calls it made, and the last checkpoint id streamed. */
  const invoke = async (agent: ReactAgent, input: string, sessionId: string, signal: AbortSignal) => {
    calls = [];
    let values: { messages: BaseMessage[] } | undefined;
    let checkpointId: string | undefined;
    let checkpoints = 0;
    const stream = await agent.stream(
      { messages: [{ role: 'user', content: input }] },
      { configurable: { thread_id: sessionId }, signal, streamMode: ['values', 'checkpoints'] },
    );
    for await (const [mode, payload] of stream as AsyncIterable<[string, unknown]>) {
      if (mode === 'values') values = payload as { messages: BaseMessage[] };
      else if (mode === 'checkpoints') {
        checkpoints++;
        const id = (payload as { config?: { configurable?: { checkpoint_id?: string } } }).config
          ?.configurable?.checkpoint_id;
        if (id) checkpointId = id;
      }
    }
    const made = calls;
    calls = [];
    return { messages: values?.messages ?? [], made, checkpointId, checkpoints };
  };

  const usageOf = (made: KaizenModelCall[]) => ({
    promptTokens: made.reduce((sum, c) => sum + c.promptTokens, 0),
    completionTokens: made.reduce((sum, c) => sum + c.completionTokens, 0),
  });
  const modelCallsOf = (made: KaizenModelCall[]) =>
    made.map((c) => ({ messages: c.messages, options: c.options as Record<string, unknown> }));
  const llmMsOf = (made: KaizenModelCall[]) => made.reduce((sum, c) => sum + c.ms, 0);

  return {
    name: `${LANGGRAPH_EXECUTION_SUBJECT_NAME} (${options.backend})`,
    async prepare(workload) {
      if (closed) throw new Error('LangGraph execution subject: the subject is closed');
      const llm = await resolveOnce();
      checkpointer ??= await openGraphCheckpointer(options);
      if (workload.kind === 'long_running') taskAgent ??= buildTaskAgent(workload, llm);
      else {
        chatAgent ??= createReactAgent({
          llm: new KaizenChatModel({ provider: llm, generation: workload.generation, onCall }),
          tools: [],
          prompt: DEFAULT_SYSTEM_PROMPT,
          checkpointer: checkpointer.saver,
        });
      }
      return { ...info! };
    },
    async run(input, { sessionId, signal }): Promise<ExecutionRun> {
      const out = await invoke(prepared(chatAgent, 'single_shot'), input, sessionId, signal);
      const last = out.messages.at(-1);
      return {
        text: typeof last?.content === 'string' ? last.content : (last?.text ?? ''),
        modelCalls: modelCallsOf(out.made),
        usage: usageOf(out.made),
        llmMs: llmMsOf(out.made),
      };
    },
    async rawCall(call, { signal }) {
      if (!provider) throw new Error('LangGraph execution subject: call prepare(...) before rawCall');
      const result = await provider.chat(call.messages as ChatMessage[], {
        ...(call.options as ChatOptions),
        signal,
      });
      return {
        text: result.text,
        promptTokens: result.promptTokens,
        completionTokens: result.completionTokens,
      };
    },
    async runTask(task: LongTask, { sessionId, signal }): Promise<TaskRun> {
      const agent = prepared(taskAgent, 'long_running');
      const run: TaskRun = {
        steps: 0,
        modelCalls: [],
        usage: { promptTokens: 0, completionTokens: 0 },
        toolCalls: 0,
        checkpointIds: [],
        llmMs: 0,
      };
      let previous: { tool: string; result: JsonValue } | undefined;
      try {
        for (let step = 1; step <= task.steps; step++) {
          taskSteps.set(sessionId, step);
          const out = await invoke(agent, task.stepInput(step, previous), sessionId, signal);
          run.modelCalls.push(...modelCallsOf(out.made));
          const usage = usageOf(out.made);
          run.usage.promptTokens += usage.promptTokens;
          run.usage.completionTokens += usage.completionTokens;
          run.llmMs = (run.llmMs ?? 0) + llmMsOf(out.made);
          const last = out.messages.at(-1);
          previous = undefined;
          if (last?.getType() === 'tool') {
            run.toolCalls++;
            previous = { tool: String(last.name), result: JSON.parse(String(last.content)) as JsonValue };
          }
          if (!out.checkpointId)
            throw new Error(`LangGraph execution subject: step ${step} streamed no checkpoint`);
          run.checkpointIds.push(out.checkpointId);
          checkpointsPerStep.push(out.checkpoints);
          run.steps = step;
        }
      } finally {
        taskSteps.delete(sessionId);
      }
      return run;
    },
    async listCheckpoints(sessionId) {
      const ids: string[] = [];
      for await (const tuple of checkpointer!.saver.list({ configurable: { thread_id: sessionId } })) {
        const id = tuple.config.configurable?.['checkpoint_id'];
        if (typeof id === 'string') ids.push(id);
      }
      return ids;
    },
    async loadCheckpoint(sessionId, id) {
      const state = await prepared(taskAgent, 'long_running').getState({
        configurable: { thread_id: sessionId, checkpoint_id: id },
      });
      const messages = (state.values as { messages?: BaseMessage[] }).messages ?? [];
      // A step ends with its tool's result: the steps done are the tool messages recorded.
      return { step: messages.filter((m) => m.getType() === 'tool').length };
    },
    describe: () => ({
      framework:
        'LangGraph.js (@langchain/langgraph createReactAgent, @langchain/core BaseChatModel wrapper)',
      backend: options.backend,
      ...(checkpointer ? { checkpointer: checkpointer.where } : {}),
      memory: 'the thread: the checkpointed messages state',
      ...(checkpointsPerStep.length > 0
        ? { langgraph_checkpoints_per_task_step: Math.max(...checkpointsPerStep) }
        : {}),
      tool_calling:
        'JSON protocol in the system message + JSON-schema-constrained reply, parsed into tool_calls (the provider has no native tool calling)',
      ...(info ? { engine: info.engine, model: info.model } : {}),
    }),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await checkpointer?.close();
      } finally {
        await provider?.close();
      }
    },
  };
}
