import type { RunLoopHooks } from '../interrupts/progress';
import type { ChatMessage, ChatOptions } from '../llm/types';
import type { Lazy } from './_lazy';
import { raceSignal } from './_signals';
import type { AgentParts } from './agent-parts';
import { buildPrompt } from './build-prompt';
import type { ResolvedAgentConfig } from './config';
import {
  describeInvalidReply,
  describeToolOutcome,
  parseReply,
  TRUNCATED_REPLY_PROBLEM,
} from './reply-protocol';
import { runToolCall, type ToolCallRecord } from './run-tool';
import type { ToolDefinition } from './tool';

/** Why a run stopped: the model answered, or a budget ran out. */
export type AgentStopReason = 'final' | 'max_steps' | 'max_tokens';

/** Options of the model calls of a run, as sent (without the signal). */
export type AgentChatOptions = Pick<ChatOptions, 'maxTokens' | 'temperature' | 'seed' | 'jsonSchema'>;

/** Where the time of a run went, in milliseconds. */
export interface AgentRunTimings {
  /** The whole run. */
  totalMs: number;
  /** Inside `provider.chat`. */
  llmMs: number;
  /** Tool calls: validation (with the first compile of a tool's validator), policy check, execution. */
  toolMs: number;
  /** Reading and writing the session's turns. */
  memoryMs: number;
  /** Initializing lazy parts on first use (provider, memory); 0 once they are initialized. */
  initMs: number;
}

/** Result of `agent.run`. */
export interface AgentRunResult {
  /** The answer; with a budget stop, the last reply without tools, or '' when no answer came. */
  text: string;
  stopReason: AgentStopReason;
  /** Model calls made. */
  steps: number;
  toolCalls: ToolCallRecord[];
  /** Tokens over all model calls of the run. */
  usage: { promptTokens: number; completionTokens: number };
  timings: AgentRunTimings;
  /** The whole conversation of the run: the first prompt, then every reply and tool result, in order. */
  messages: ChatMessage[];
  /** Exactly the messages of the last `provider.chat` call, to replay it against the provider. */
  lastPrompt: ChatMessage[];
  /** Exactly the options of the last `provider.chat` call (without the signal). */
  lastChatOptions: AgentChatOptions;
  sessionId: string;
}

/** Everything one run needs. */
export interface RunLoopContext {
  config: ResolvedAgentConfig;
  parts: AgentParts;
  tools: ReadonlyMap<string, ToolDefinition>;
  /** Tool protocol text and reply schema, when the agent has tools. */
  protocol: { text: string; schema: object } | undefined;
  input: string;
  sessionId: string;
  /** Aborting it stops the run; the run then rejects with the signal's reason. */
  signal: AbortSignal;
  /** Interruptible runs: start from saved progress, observe step boundaries and tool executions. */
  hooks?: RunLoopHooks;
}

function chatOptionsFor(ctx: RunLoopContext, tokensLeft: number | undefined): AgentChatOptions {
  const { maxTokens, temperature, seed } = ctx.config.generation;
  const cap =
    tokensLeft !== undefined && (maxTokens === undefined || tokensLeft < maxTokens) ? tokensLeft : maxTokens;
  return {
    ...(cap !== undefined ? { maxTokens: cap } : {}),
    ...(temperature !== undefined ? { temperature } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(ctx.protocol ? { jsonSchema: ctx.protocol.schema } : {}),
  };
}

/**
 * The agent loop: build the prompt from the system prompt, the session's recent turns and the input, call the
 * model, run the tool it asks for and feed the outcome back, until it answers or a budget runs out; then
 * record the user turn and the answer in memory.
 */
export async function runAgentLoop(ctx: RunLoopContext): Promise<AgentRunResult> {
  const started = performance.now();
  const { config, parts, signal, sessionId } = ctx;
  const timings: AgentRunTimings = { totalMs: 0, llmMs: 0, toolMs: 0, memoryMs: 0, initMs: 0 };
  const resume = ctx.hooks?.resumeFrom;
  const usage = {
    promptTokens: resume?.usage.promptTokens ?? 0,
    completionTokens: resume?.usage.completionTokens ?? 0,
  };
  const use = async <T>(part: Lazy<T>): Promise<T> => {
    if (part.initialized) return part.get();
    const t0 = performance.now();
    try {
      return await raceSignal(part.get(), signal);
    } finally {
      timings.initMs += performance.now() - t0;
    }
  };

  signal.throwIfAborted();
  const memory = await use(parts.memory);
  let history: ChatMessage[] = [];
  if (config.historyTurns > 0 && !resume) {
    const t0 = performance.now();
    history = await raceSignal(memory.recent(sessionId, config.historyTurns), signal);
    timings.memoryMs += performance.now() - t0;
  }
  const provider = await use(parts.provider);
  // A resumed run continues the saved conversation: the prompt was built (and memory read) by the first run.
  const messages = resume
    ? resume.messages.map((m) => ({ ...m }))
    : buildPrompt({
        systemPrompt: config.systemPrompt,
        toolProtocol: ctx.protocol?.text,
        history,
        input: ctx.input,
      });

  const { maxSteps, maxTokens } = config.budget;
  const toolCalls: ToolCallRecord[] = resume ? [...resume.toolCalls] : [];
  let lastPrompt: ChatMessage[] = [];
  let lastChatOptions: AgentChatOptions = {};
  let steps = resume?.steps ?? 0;
  let text = '';
  let stopReason: AgentStopReason;
  for (;;) {
    // A step boundary: the prompt, then every completed step, never a half-applied one.
    ctx.hooks?.onStep?.({
      messages: messages.slice(),
      steps,
      toolCalls: toolCalls.slice(),
      usage: { ...usage },
    });
    signal.throwIfAborted();
    if (steps >= maxSteps) {
      stopReason = 'max_steps';
      break;
    }
    const tokensLeft =
      maxTokens === undefined ? undefined : maxTokens - usage.promptTokens - usage.completionTokens;
    if (tokensLeft !== undefined && tokensLeft <= 0) {
      stopReason = 'max_tokens';
      break;
    }
    lastPrompt = messages.slice();
    lastChatOptions = chatOptionsFor(ctx, tokensLeft);
    steps++;
    const t0 = performance.now();
    const reply = await raceSignal(provider.chat(lastPrompt, { ...lastChatOptions, signal }), signal);
    timings.llmMs += performance.now() - t0;
    usage.promptTokens += reply.promptTokens;
    usage.completionTokens += reply.completionTokens;
    messages.push({ role: 'assistant', content: reply.text });
    // A reply cut short because the token budget capped it: the budget, not the model, ended it.
    const cutByBudget =
      reply.finishReason === 'length' && tokensLeft !== undefined && lastChatOptions.maxTokens === tokensLeft;
    if (!ctx.protocol) {
      text = reply.text;
      stopReason = cutByBudget ? 'max_tokens' : 'final';
      break;
    }
    const parsed = parseReply(reply.text);
    if ('problem' in parsed) {
      if (cutByBudget) {
        stopReason = 'max_tokens';
        break;
      }
      const problem = reply.finishReason === 'length' ? TRUNCATED_REPLY_PROBLEM : parsed.problem;
      messages.push({ role: 'user', content: describeInvalidReply(problem) });
      continue;
    }
    if (parsed.reply.type === 'final') {
      text = parsed.reply.text;
      stopReason = 'final';
      break;
    }
    const t1 = performance.now();
    const call = await runToolCall(parsed.reply, {
      tools: ctx.tools,
      validators: parts.validators,
      policy: config.policy,
      sessionId,
      signal,
      ...(ctx.hooks?.onToolExecute ? { onExecute: ctx.hooks.onToolExecute } : {}),
    });
    timings.toolMs += performance.now() - t1;
    toolCalls.push(call);
    messages.push({ role: 'user', content: describeToolOutcome(call) });
  }

  const turns: ChatMessage[] = [{ role: 'user', content: ctx.input }];
  if (text) turns.push({ role: 'assistant', content: text });
  const t2 = performance.now();
  await raceSignal(memory.append(sessionId, turns), signal);
  timings.memoryMs += performance.now() - t2;
  timings.totalMs = performance.now() - started;
  return {
    text,
    stopReason,
    steps,
    toolCalls,
    usage,
    timings,
    messages,
    lastPrompt,
    lastChatOptions,
    sessionId,
  };
}
