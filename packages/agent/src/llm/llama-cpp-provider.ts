import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  ChatHistoryItem,
  LlamaChat,
  LlamaContext,
  LlamaEmbeddingContext,
  LlamaGrammar,
  LlamaModel,
} from 'node-llama-cpp';
import { raceAbort, SerialQueue, throwIfAborted } from './_abort';
import { chatWrapperFor } from './_chat-wrappers';
import { getSharedLlama, importNodeLlamaCpp } from './_node-llama-cpp';
import { LlmAbortError, ModelFileError, ProviderClosedError, TokenOutOfRangeError } from './errors';
import { isLlama32OneBGguf } from './model-class';
import { defaultLlamaThreads } from './threads';
import { TINY_MODEL_NAME_PREFIX } from './tiny-model';
import type { ChatMessage, ChatOptions, ChatResult, FinishReason, LlmProvider, ProviderInfo } from './types';

/** Options of {@link LlamaCppProvider}. */
export interface LlamaCppProviderOptions {
  /** Path of a GGUF model file. */
  modelPath: string;
  /**
   * CPU threads for evaluation. Set explicitly: llama.cpp's own default collapses on 2-core machines.
   * @default defaultLlamaThreads() — 1 on <= 2 cores, else min(4, cores - 1)
   */
  threads?: number;
  /**
   * Context window for chat, in tokens (capped at the model's training context).
   * @default 2048
   */
  contextSize?: number;
  /**
   * Context window for embeddings, in tokens.
   * @default 512
   */
  embeddingContextSize?: number;
  /** Display name in {@link ProviderInfo.model}. @default the file name */
  name?: string;
  /**
   * Whether the benchmark targets apply to this model, overriding detection.
   * @default detected: a Llama 3.2 1B by file name, or by GGUF metadata once loaded
   */
  targetsApply?: boolean;
}

interface Loaded {
  model: LlamaModel;
  context: LlamaContext;
  chat: LlamaChat;
  vocabSize: number;
  modelName: string;
  metadata: Record<string, unknown>;
}

function toHistory(messages: ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((m) =>
    m.role === 'assistant'
      ? { type: 'model', response: [m.content] }
      : { type: m.role === 'system' ? 'system' : 'user', text: m.content },
  );
  // An empty model turn at the end asks for the next assistant message.
  history.push({ type: 'model', response: [] });
  return history;
}

function flattenMetadata(
  obj: unknown,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flattenMetadata(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = obj;
  }
  return out;
}

/**
 * An {@link LlmProvider} running a GGUF model in-process on llama.cpp (node-llama-cpp, CPU only).
 * The model loads lazily on first use, or explicitly with {@link LlamaCppProvider.load}. Each chat call
 * evaluates its whole prompt (no KV cache kept across calls), so calls are independent and, at temperature 0
 * or with a seed, reproducible. Calls run one at a time.
 */
export class LlamaCppProvider implements LlmProvider {
  readonly modelPath: string;
  readonly threads: number;
  private readonly contextSize: number;
  private readonly embeddingContextSize: number;
  private readonly name: string;
  private readonly targetsApplyOverride: boolean | undefined;
  private loading: Promise<Loaded> | undefined;
  private embedding: Promise<LlamaEmbeddingContext> | undefined;
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();
  private readonly queue = new SerialQueue();
  private closed = false;
  private metadata: Record<string, unknown> | undefined;

  constructor(options: LlamaCppProviderOptions) {
    this.modelPath = options.modelPath;
    this.threads = options.threads ?? defaultLlamaThreads();
    this.contextSize = options.contextSize ?? 2048;
    this.embeddingContextSize = options.embeddingContextSize ?? 512;
    this.name = options.name ?? basename(options.modelPath);
    this.targetsApplyOverride = options.targetsApply;
  }

  /** Loads the model and creates the chat context now instead of on first use. Idempotent. */
  async load(): Promise<void> {
    await this.ensureLoaded();
  }

  /** Whether the model is loaded. */
  get loaded(): boolean {
    return this.metadata !== undefined;
  }

  private ensureLoaded(): Promise<Loaded> {
    if (this.closed) return Promise.reject(new ProviderClosedError());
    this.loading ??= this.doLoad();
    this.loading.catch(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async doLoad(): Promise<Loaded> {
    let fileVersion: string;
    try {
      const file = await stat(this.modelPath);
      fileVersion = `${this.modelPath}:${file.size}:${file.mtimeMs}`;
    } catch (error) {
      throw new ModelFileError(this.modelPath, 'file not found or not readable', { cause: error });
    }
    const [m, llama] = await Promise.all([importNodeLlamaCpp(), getSharedLlama()]);
    let model: LlamaModel;
    try {
      model = await llama.loadModel({ modelPath: this.modelPath, gpuLayers: 0 });
    } catch (error) {
      throw new ModelFileError(this.modelPath, `llama.cpp could not load it (${String(error)})`, {
        cause: error,
      });
    }
    const context = await model.createContext({
      threads: this.threads,
      contextSize: Math.min(this.contextSize, model.trainContextSize),
      sequences: 1,
    });
    const chat = new m.LlamaChat({
      contextSequence: context.getSequence(),
      chatWrapper: chatWrapperFor(m, model, fileVersion),
    });
    const metadata = flattenMetadata(model.fileInfo.metadata);
    const tokens = metadata['tokenizer.ggml.tokens'];
    const embd = model.fileInfo.tensorInfo?.find((t) => t.name === 'token_embd.weight');
    const vocabSize = Array.isArray(tokens) ? tokens.length : Number(embd?.dimensions[1] ?? 0);
    this.metadata = metadata;
    return { model, context, chat, vocabSize, modelName: this.name, metadata };
  }

  /** @inheritDoc */
  chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    const { signal } = options;
    try {
      throwIfAborted(signal);
    } catch (error) {
      return Promise.reject(error);
    }
    return raceAbort(
      this.queue.run(() => this.runChat(messages, options)),
      signal,
    );
  }

  private async runChat(messages: ChatMessage[], options: ChatOptions): Promise<ChatResult> {
    const { signal } = options;
    const started = performance.now();
    const loaded = await this.ensureLoaded();
    throwIfAborted(signal);
    const grammar = options.jsonSchema
      ? await this.grammarFor(options.jsonSchema)
      : options.json
        ? await this.grammarFor('json')
        : undefined;
    const sequence = loaded.chat.sequence;
    await sequence.clearHistory();
    const before = sequence.tokenMeter.getState();
    const evalStarted = performance.now();
    let firstTokenAt: number | undefined;
    let response: Awaited<ReturnType<LlamaChat['generateResponse']>>;
    try {
      response = await loaded.chat.generateResponse(toHistory(messages), {
        maxTokens: options.maxTokens,
        temperature: options.temperature,
        seed: options.seed,
        grammar,
        signal,
        stopOnAbortSignal: false,
        onToken: () => {
          firstTokenAt ??= performance.now();
        },
        onTextChunk: options.onText,
      });
    } catch (error) {
      if (signal?.aborted) throw new LlmAbortError({ cause: error });
      throw error;
    }
    const ended = performance.now();
    const after = sequence.tokenMeter.getState();
    const stop = response.metadata.stopReason;
    const finishReason: FinishReason = stop === 'maxTokens' ? 'length' : stop === 'abort' ? 'abort' : 'stop';
    return {
      text: response.response,
      promptTokens: after.usedInputTokens - before.usedInputTokens,
      completionTokens: after.usedOutputTokens - before.usedOutputTokens,
      finishReason,
      timings: {
        totalMs: ended - started,
        promptEvalMs: (firstTokenAt ?? ended) - evalStarted,
        generationMs: ended - (firstTokenAt ?? ended),
      },
      model: loaded.modelName,
    };
  }

  /** A grammar for a JSON schema, or for any JSON with `'json'`; cached, creating one costs milliseconds. */
  private async grammarFor(schema: object | 'json'): Promise<LlamaGrammar> {
    const key = JSON.stringify(schema);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      // node-llama-cpp's schema type is a strict subset of JSON Schema; unsupported shapes throw here.
      grammar = getSharedLlama().then((llama) =>
        schema === 'json' ? llama.getGrammarFor('json') : llama.createGrammarForJsonSchema(schema as never),
      );
      grammar.catch(() => this.grammars.delete(key));
      this.grammars.set(key, grammar);
    }
    return grammar;
  }

  /** @inheritDoc */
  embed(texts: string[]): Promise<number[][]> {
    return this.queue.run(async () => {
      const loaded = await this.ensureLoaded();
      this.embedding ??= loaded.model.createEmbeddingContext({
        threads: this.threads,
        contextSize: Math.min(this.embeddingContextSize, loaded.model.trainContextSize),
      });
      const context = await this.embedding;
      const vectors: number[][] = [];
      for (const text of texts) vectors.push([...(await context.getEmbeddingFor(text)).vector]);
      return vectors;
    });
  }

  /** Token ids of `text` (with the model's BOS handling off). */
  async tokenize(text: string): Promise<number[]> {
    const { model } = await this.ensureLoaded();
    return [...model.tokenize(text)];
  }

  /**
   * Text of token ids. Ids outside the vocabulary are refused with {@link TokenOutOfRangeError}: llama.cpp
   * aborts the whole process on them.
   */
  async detokenize(tokens: readonly number[]): Promise<string> {
    const { model, vocabSize } = await this.ensureLoaded();
    for (const t of tokens) {
      if (!Number.isInteger(t) || t < 0 || t >= vocabSize) throw new TokenOutOfRangeError(t, vocabSize);
    }
    return model.detokenize(tokens as never);
  }

  /** Number of tokens in the vocabulary (loads the model). */
  async vocabSize(): Promise<number> {
    return (await this.ensureLoaded()).vocabSize;
  }

  /** Embedding dimension (loads the model). */
  async embeddingLength(): Promise<number> {
    return (await this.ensureLoaded()).model.embeddingVectorSize;
  }

  /** @inheritDoc */
  info(): ProviderInfo {
    const md = this.metadata;
    const generalName = md ? String(md['general.name'] ?? '') : '';
    const tinyModel = generalName.startsWith(TINY_MODEL_NAME_PREFIX);
    const sizeLabel = md?.['general.size_label'];
    return {
      engine: 'llama.cpp',
      model: this.name,
      ...(typeof sizeLabel === 'string' ? { parameters: sizeLabel } : {}),
      targetsApply:
        this.targetsApplyOverride ?? (!tinyModel && isLlama32OneBGguf(basename(this.modelPath), md)),
      modelPath: this.modelPath,
      threads: this.threads,
      ...(md ? { tinyModel } : {}),
    };
  }

  /** @inheritDoc */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const loading = this.loading;
    const embedding = this.embedding;
    this.loading = undefined;
    this.embedding = undefined;
    // Wait for in-flight calls so native objects are not freed under them.
    await this.queue.run(async () => {});
    if (embedding) await (await embedding.catch(() => undefined))?.dispose();
    const loaded = await loading?.catch(() => undefined);
    if (loaded) {
      await loaded.context.dispose();
      await loaded.model.dispose();
    }
  }
}
