import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Agent,
  type AgentMessage,
  type AgentRunResult,
  type AgentState,
  CHECKPOINT_SCHEMA_VERSION,
  type ChatMessage,
  type ChatOptions,
  createAgent,
  DEFAULT_SYSTEM_PROMPT,
  defineTool,
  type JsonValue,
  type LlmProvider,
  type LlmChoice,
} from '@kaizen-bench/agent';
import type {
  ExecutionModelInfo,
  ExecutionRun,
  ExecutionSubject,
  ExecutionWorkload,
  LongTask,
  ModelCall,
  TaskRun,
} from './subject';
import { resolveExecutionModel } from './resolve-model';

/** Name of the default subject in results. */
export const AGENT_SUBJECT_NAME = 'reference agent (@kaizen-bench/agent)';

/** Options of {@link createAgentSubject}. */
export interface AgentSubjectOptions {
  /** How the model is picked, as in `resolveProvider`. @default { llm: 'embedded' } (the generated tiny model) */
  llm?: LlmChoice;
  /**
   * Conversation memory in the prompt. `false` builds the agents with `historyTurns: 0`, so a turn never
   * sees the earlier ones: Multi-Turn's memory check then fails, as it should.
   * @default true
   */
  memory?: boolean;
}

/**
 * Every model call of a run, rebuilt from its transcript. The calls of one run share a growing prefix: call
 * k's prompt is the last prompt cut before the run's k-th reply, and the run's earlier replies are the last
 * `steps - 1` assistant messages of the last prompt (assistant turns from memory come before them). The
 * options are the last call's, the same for every call unless `budget.maxTokens` capped one.
 */
export function modelCallsOf(result: AgentRunResult): ModelCall[] {
  if (result.steps === 0) return [];
  const options = { ...result.lastChatOptions };
  const prompt = result.lastPrompt;
  const replyIndexes = prompt.flatMap((message, index) => (message.role === 'assistant' ? [index] : []));
  const earlier = result.steps > 1 ? replyIndexes.slice(-(result.steps - 1)) : [];
  return [
    ...earlier.map((end) => ({ messages: prompt.slice(0, end), options })),
    { messages: prompt, options },
  ];
}

/** The state a Long-Running checkpoint records after each step. */
function taskState(
  conversation: AgentMessage[],
  step: number,
  task: LongTask,
  maxTokens: number,
  usedTokens: number,
  toolCounts: Map<string, number>,
  sessionId: string,
): AgentState {
  return {
    schemaVersion: CHECKPOINT_SCHEMA_VERSION,
    conversation,
    memory: [],
    step,
    budget: {
      maxTokens: task.steps * maxTokens,
      usedTokens,
      maxSteps: task.steps,
      maxCostUsd: 0,
      usedCostUsd: 0,
    },
    toolState: Object.fromEntries([...toolCounts].map(([tool, calls]) => [tool, { calls }])),
    metadata: { task: 'release-note review', sessionId, stepsPlanned: task.steps },
  };
}

/**
 * The default subject: the reference agent of `@kaizen-bench/agent` on one provider resolved in `prepare`
 * (Ollama, a GGUF file or the generated tiny model), shared by its agents and by `rawCall`, so the floor runs
 * on exactly the model the agent used. Single-Shot and Multi-Turn use an agent without tools; Long-Running an
 * agent with the task's tools, `toolChoice: 'required'`, one model call per run and a checkpoint directory in
 * a temp folder removed on `close()`.
 */
export function createAgentSubject(options: AgentSubjectOptions = {}): ExecutionSubject {
  const memoryOn = options.memory !== false;
  let provider: LlmProvider | undefined;
  let info: ExecutionModelInfo | undefined;
  let chatAgent: Agent | undefined;
  let taskAgent: Agent | undefined;
  let checkpointDir: string | undefined;
  // The step each session's task is at: the task's tools answer for that step.
  const taskSteps = new Map<string, number>();
  let closed = false;
  const prepared = (agent: Agent | undefined, kind: string): Agent => {
    if (!agent) throw new Error(`createAgentSubject: call prepare({ kind: '${kind}', ... }) first`);
    return agent;
  };

  const resolveOnce = async (): Promise<LlmProvider> => {
    if (provider) return provider;
    const resolved = await resolveExecutionModel(options.llm);
    provider = resolved.provider;
    info = resolved.info;
    return provider;
  };

  const buildTaskAgent = async (workload: ExecutionWorkload, llm: LlmProvider): Promise<Agent> => {
    const task = workload.task;
    if (!task) throw new Error('createAgentSubject: a long_running workload needs its task');
    checkpointDir ??= await mkdtemp(join(tmpdir(), 'kaizen-bench-execution-'));
    return createAgent({
      name: 'execution-long-running',
      systemPrompt: task.instructions,
      llm,
      tools: task.tools.map((tool) =>
        defineTool({
          name: tool.name,
          description: tool.description,
          parameters: tool.parameters,
          execute: (_args, { sessionId }) => tool.run(taskSteps.get(sessionId) ?? 1),
        }),
      ),
      toolChoice: 'required',
      budget: { maxSteps: 1 },
      historyTurns: memoryOn ? 20 : 0,
      checkpointDir,
      generation: { ...workload.generation },
    });
  };

  return {
    name: AGENT_SUBJECT_NAME,
    async prepare(workload) {
      if (closed) throw new Error('createAgentSubject: the subject is closed');
      const llm = await resolveOnce();
      if (workload.kind === 'long_running') {
        taskAgent ??= await buildTaskAgent(workload, llm);
        await taskAgent.initialize();
      } else {
        chatAgent ??= createAgent({
          name: 'execution-chat',
          systemPrompt: DEFAULT_SYSTEM_PROMPT,
          llm,
          historyTurns: memoryOn ? 20 : 0,
          generation: { ...workload.generation },
        });
        await chatAgent.initialize();
      }
      return { ...info! };
    },
    async run(input, { sessionId, signal }): Promise<ExecutionRun> {
      const result = await prepared(chatAgent, 'single_shot').run(input, { sessionId, signal });
      return {
        text: result.text,
        modelCalls: modelCallsOf(result),
        usage: result.usage,
        llmMs: result.timings.llmMs,
      };
    },
    async rawCall(call, { signal }) {
      if (!provider) throw new Error('createAgentSubject: call prepare(...) before rawCall');
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
    async runTask(task, { sessionId, signal }): Promise<TaskRun> {
      const agent = prepared(taskAgent, 'long_running');
      const store = await agent.checkpoints();
      const conversation: AgentMessage[] = [
        { role: 'system', content: task.instructions, timestamp: Date.now() },
      ];
      const toolCounts = new Map<string, number>();
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
          const input = task.stepInput(step, previous);
          const result = await agent.run(input, { sessionId, signal });
          run.modelCalls.push(...modelCallsOf(result));
          run.usage.promptTokens += result.usage.promptTokens;
          run.usage.completionTokens += result.usage.completionTokens;
          run.llmMs = (run.llmMs ?? 0) + result.timings.llmMs;
          const now = Date.now();
          conversation.push({ role: 'user', content: input, timestamp: now });
          for (const message of result.messages.slice(result.lastPrompt.length)) {
            conversation.push({ role: message.role, content: message.content, timestamp: now });
          }
          previous = undefined;
          for (const call of result.toolCalls) {
            toolCounts.set(call.tool, (toolCounts.get(call.tool) ?? 0) + 1);
            if (!call.error) {
              run.toolCalls++;
              previous = { tool: call.tool, result: call.result as JsonValue };
            }
          }
          const used = run.usage.promptTokens + run.usage.completionTokens;
          const maxTokens = result.lastChatOptions.maxTokens ?? 0;
          const saved = await store.save(
            taskState(conversation, step, task, maxTokens, used, toolCounts, sessionId),
          );
          run.checkpointIds.push(saved.id);
          run.steps = step;
        }
      } finally {
        taskSteps.delete(sessionId);
      }
      return run;
    },
    async listCheckpoints() {
      const store = await prepared(taskAgent, 'long_running').checkpoints();
      return (await store.list()).map((c) => c.id);
    },
    async loadCheckpoint(_sessionId, id) {
      const store = await prepared(taskAgent, 'long_running').checkpoints();
      const { state } = await store.load(id);
      return { step: state.step };
    },
    describe: () => ({
      memory: memoryOn,
      ...(info ? { engine: info.engine, model: info.model } : {}),
      ...(checkpointDir ? { checkpoint_dir: checkpointDir } : {}),
    }),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await Promise.all([chatAgent?.close(), taskAgent?.close()]);
        await provider?.close();
      } finally {
        if (checkpointDir) await rm(checkpointDir, { recursive: true, force: true });
      }
    },
  };
}
