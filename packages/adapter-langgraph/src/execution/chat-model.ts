import {
  buildReplySchema,
  type ChatMessage,
  type ChatOptions,
  describeToolProtocol,
  type LlmProvider,
  type ProtocolTool,
  parseReply,
} from '@kaizen-bench/agent';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
  type BindToolsInput,
} from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage, type ToolMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';

/** Generation settings the wrapped model sends on every call (the suite's, so both runtimes send the same). */
export interface KaizenChatGeneration {
  maxTokens?: number;
  temperature?: number;
  seed?: number;
}

/** One provider call as the wrapper made it: exactly what the provider received, and what came back. */
export interface KaizenModelCall {
  /** The messages given to `provider.chat`. */
  messages: ChatMessage[];
  /** The options given to `provider.chat`, without the signal. */
  options: Omit<ChatOptions, 'signal' | 'onText'>;
  text: string;
  promptTokens: number;
  completionTokens: number;
  /** Wall-clock time of `provider.chat`, ms. */
  ms: number;
}

/** Options of {@link KaizenChatModel}. */
export interface KaizenChatModelOptions extends BaseChatModelParams {
  provider: LlmProvider;
  generation?: KaizenChatGeneration;
  /** Called after every provider call (synchronously, before the model returns). */
  onCall?: (call: KaizenModelCall) => void;
}

/** Call options: LangChain's, with the tools `bindTools` bound. */
export interface KaizenChatModelCallOptions extends BaseChatModelCallOptions {
  tools?: ReturnType<typeof convertToOpenAITool>[];
}

let toolCallIds = 0;

/**
 * A LangChain chat model over a kaizen-bench {@link LlmProvider} (Ollama, a GGUF file or the generated tiny
 * model): LangGraph then runs on the same engine and model as the reference agent. Each LangChain message
 * becomes one provider message (system / human / ai as system / user / assistant; a tool message as a user
 * message `Tool <name> result: <content>`). Our providers have no native tool calling: tools bound with
 * `bindTools` are described in the system message and the reply is constrained by a JSON schema, then parsed
 * into `tool_calls` (the same JSON protocol the reference agent uses). The provider gets the call's signal.
 */
export class KaizenChatModel extends BaseChatModel<KaizenChatModelCallOptions> {
  readonly provider: LlmProvider;
  readonly generation: KaizenChatGeneration;
  private readonly onCall: ((call: KaizenModelCall) => void) | undefined;

  constructor(options: KaizenChatModelOptions) {
    super(options);
    this.provider = options.provider;
    this.generation = { ...options.generation };
    this.onCall = options.onCall;
  }

  static override lc_name(): string {
    return 'KaizenChatModel';
  }

  _llmType(): string {
    return 'kaizen-bench-provider';
  }

  /** Binds tools (any LangChain tool form); `tool_choice: 'any' | 'required'` forces a tool call. */
  override bindTools(tools: BindToolsInput[], kwargs?: Partial<KaizenChatModelCallOptions>) {
    return this.withConfig({ tools: tools.map((tool) => convertToOpenAITool(tool)), ...kwargs });
  }

  /** The provider request for `messages` under `options`: what {@link _generate} sends. */
  toProviderRequest(
    messages: BaseMessage[],
    options: Pick<KaizenChatModelCallOptions, 'tools' | 'tool_choice'>,
  ): {
    messages: ChatMessage[];
    options: KaizenModelCall['options'];
    tools: ProtocolTool[];
    required: boolean;
  } {
    const tools: ProtocolTool[] = (options.tools ?? []).map((t) => ({
      name: t.function.name,
      description: t.function.description ?? '',
      parameters: (t.function.parameters ?? { type: 'object' }) as Record<string, unknown>,
    }));
    const choice = options.tool_choice;
    const required = choice === 'any' || choice === 'required';
    if (choice !== undefined && choice !== 'auto' && !required && tools.length > 0) {
      throw new Error(
        `KaizenChatModel: tool_choice ${JSON.stringify(choice)} is not supported; use auto, any or required`,
      );
    }
    const chat = messages.map(toChatMessage);
    if (tools.length > 0) {
      // The same protocol text and reply grammar as the agent of @kaizen-bench/agent uses.
      const protocol = describeToolProtocol(tools, required ? 'required' : 'auto');
      const first = chat[0];
      if (first?.role === 'system') chat[0] = { role: 'system', content: `${first.content}\n\n${protocol}` };
      else chat.unshift({ role: 'system', content: protocol });
    }
    const { maxTokens, temperature, seed } = this.generation;
    return {
      messages: chat,
      options: {
        ...(maxTokens !== undefined ? { maxTokens } : {}),
        ...(temperature !== undefined ? { temperature } : {}),
        ...(seed !== undefined ? { seed } : {}),
        ...(tools.length > 0 ? { jsonSchema: buildReplySchema(tools, required ? 'required' : 'auto') } : {}),
      },
      tools,
      required,
    };
  }

  override async _generate(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    _runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    const request = this.toProviderRequest(messages, options);
    const started = performance.now();
    const result = await this.provider.chat(request.messages, {
      ...request.options,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const ms = performance.now() - started;
    this.onCall?.({
      messages: request.messages,
      options: request.options,
      text: result.text,
      promptTokens: result.promptTokens,
      completionTokens: result.completionTokens,
      ms,
    });
    const parsed = request.tools.length > 0 ? parseReply(result.text) : undefined;
    const call = parsed && 'reply' in parsed && parsed.reply.type === 'tool_call' ? parsed.reply : undefined;
    const message = new AIMessage({
      // The raw text: sent back verbatim as the assistant turn of later calls.
      content: result.text,
      tool_calls:
        call !== undefined
          ? [
              {
                id: `call_${++toolCallIds}`,
                name: call.tool,
                args: argumentsObject(call.arguments),
                type: 'tool_call',
              },
            ]
          : [],
      usage_metadata: {
        input_tokens: result.promptTokens,
        output_tokens: result.completionTokens,
        total_tokens: result.promptTokens + result.completionTokens,
      },
      response_metadata: {
        model: result.model,
        finish_reason: result.finishReason,
        ...(parsed && 'problem' in parsed ? { protocol_problem: parsed.problem } : {}),
      },
    });
    return { generations: [{ text: result.text, message }] };
  }
}

/** A tool call's arguments as LangChain wants them: an object (the reply grammar allows only objects). */
function argumentsObject(args: unknown): Record<string, unknown> {
  return typeof args === 'object' && args !== null && !Array.isArray(args)
    ? (args as Record<string, unknown>)
    : {};
}

/** One LangChain message as one provider message. */
export function toChatMessage(message: BaseMessage): ChatMessage {
  const content = textOf(message);
  switch (message.getType()) {
    case 'system':
      return { role: 'system', content };
    case 'human':
      return { role: 'user', content };
    case 'ai':
      return { role: 'assistant', content };
    case 'tool': {
      const tool = message as ToolMessage;
      const outcome = tool.status === 'error' ? 'error' : 'result';
      return { role: 'user', content: `Tool ${tool.name ?? 'tool'} ${outcome}: ${content}` };
    }
    default:
      throw new Error(
        `KaizenChatModel: a ${message.getType()} message has no provider role; send system, human, ai or tool messages`,
      );
  }
}

function textOf(message: BaseMessage): string {
  if (typeof message.content === 'string') return message.content;
  const blocks = message.content as Array<{ type?: string }>;
  if (blocks.some((block) => block.type !== 'text')) {
    throw new Error('KaizenChatModel: only text content can be sent to the provider');
  }
  return message.text;
}
