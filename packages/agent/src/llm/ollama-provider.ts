import type { ChatResponse, Ollama } from 'ollama';
import { raceAbort, throwIfAborted } from './_abort';
import { importOllama } from './_ollama';
import { LlmAbortError, OllamaModelMissingError, OllamaUnreachableError } from './errors';
import { isLlama32OneBOllamaTag, sameOllamaModel } from './model-class';
import type { ChatMessage, ChatOptions, ChatResult, FinishReason, LlmProvider, ProviderInfo } from './types';

/** Default Ollama server when neither the option nor `OLLAMA_HOST` is set. */
export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
/** Default Ollama model: the one the benchmark targets were set for. */
export const DEFAULT_OLLAMA_MODEL = 'llama3.2:1b';

/** Options of {@link OllamaProvider}. */
export interface OllamaProviderOptions {
  /** Server URL. @default process.env.OLLAMA_HOST, else http://127.0.0.1:11434 */
  host?: string;
  /** Model tag. @default 'llama3.2:1b' */
  model?: string;
  /** How long the server keeps the model loaded after a call (Ollama `keep_alive`, e.g. '5m'). */
  keepAlive?: string | number;
  /** Timeout of each `check()` request, in milliseconds. @default 3000 */
  checkTimeoutMs?: number;
}

/** Outcome of {@link OllamaProvider.check}. */
export type OllamaCheckResult =
  | { ok: true }
  | { ok: false; problem: 'unreachable' | 'model_missing'; message: string };

/** Normalises a host the way the Ollama CLI does (`:11434`, `host:port`, bare host). */
function normalizeHost(host: string): string {
  let h = host.trim();
  if (h.startsWith(':')) h = `127.0.0.1${h}`;
  if (!h.includes('://')) h = `http://${h}`;
  const url = new URL(h);
  if (!url.port && !host.includes('://')) url.port = '11434';
  return url.toString().replace(/\/$/, '');
}

/**
 * An {@link LlmProvider} talking to an Ollama server through the official `ollama` client, which is imported
 * on first use so constructing a provider (and importing this package) stays cheap.
 */
export class OllamaProvider implements LlmProvider {
  readonly host: string;
  readonly model: string;
  private readonly keepAlive: string | number | undefined;
  private readonly checkTimeoutMs: number;
  private client: Ollama | undefined;

  constructor(options: OllamaProviderOptions = {}) {
    this.host = normalizeHost(options.host || process.env.OLLAMA_HOST || DEFAULT_OLLAMA_HOST);
    this.model = options.model ?? DEFAULT_OLLAMA_MODEL;
    this.keepAlive = options.keepAlive;
    this.checkTimeoutMs = options.checkTimeoutMs ?? 3000;
  }

  private async getClient(): Promise<Ollama> {
    const { Ollama } = await importOllama();
    this.client ??= new Ollama({ host: this.host });
    return this.client;
  }

  /**
   * Checks that the server answers and has the model (with or without `:latest`), with messages that say how
   * to fix each problem.
   */
  async check(options: { signal?: AbortSignal } = {}): Promise<OllamaCheckResult> {
    const timeout = AbortSignal.timeout(this.checkTimeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    // The client takes no per-request signal for GET requests, so a fetch wrapper adds one.
    const { Ollama } = await importOllama();
    const client = new Ollama({ host: this.host, fetch: (input, init) => fetch(input, { ...init, signal }) });
    let names: string[];
    try {
      await client.version();
      names = (await client.list()).models.flatMap((m) => [m.name, m.model]);
    } catch (error) {
      throwIfAborted(options.signal);
      return {
        ok: false,
        problem: 'unreachable',
        message: new OllamaUnreachableError(this.host, { cause: error }).message,
      };
    }
    if (!names.some((n) => n && sameOllamaModel(n, this.model))) {
      return {
        ok: false,
        problem: 'model_missing',
        message: new OllamaModelMissingError(this.model, this.host).message,
      };
    }
    return { ok: true };
  }

  /** Like {@link OllamaProvider.check} but throws {@link OllamaUnreachableError} / {@link OllamaModelMissingError}. */
  async assertReady(options: { signal?: AbortSignal } = {}): Promise<void> {
    const result = await this.check(options);
    if (result.ok) return;
    throw result.problem === 'unreachable'
      ? new OllamaUnreachableError(this.host)
      : new OllamaModelMissingError(this.model, this.host);
  }

  /**
   * @inheritDoc
   * Streams internally so an abort stops generation on the server (the client cannot cancel a
   * non-streaming request).
   */
  chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    const { signal } = options;
    try {
      throwIfAborted(signal);
    } catch (error) {
      return Promise.reject(error);
    }
    let stop: (() => void) | undefined;
    const onAbort = () => stop?.();
    signal?.addEventListener('abort', onAbort, { once: true });
    const work = (async (): Promise<ChatResult> => {
      const started = performance.now();
      const client = await this.getClient();
      const stream = await client.chat({
        model: this.model,
        messages,
        stream: true,
        ...(options.jsonSchema ? { format: options.jsonSchema } : options.json ? { format: 'json' } : {}),
        ...(this.keepAlive !== undefined ? { keep_alive: this.keepAlive } : {}),
        options: {
          ...(options.maxTokens !== undefined ? { num_predict: options.maxTokens } : {}),
          ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
          ...(options.seed !== undefined ? { seed: options.seed } : {}),
        },
      });
      stop = () => stream.abort();
      if (signal?.aborted) stream.abort();
      let text = '';
      let last: ChatResponse | undefined;
      try {
        for await (const part of stream) {
          if (part.message?.content) {
            text += part.message.content;
            options.onText?.(part.message.content);
          }
          last = part;
        }
      } catch (error) {
        if (signal?.aborted) throw new LlmAbortError({ cause: error });
        throw error;
      }
      const finishReason: FinishReason = last?.done_reason === 'length' ? 'length' : 'stop';
      return {
        text,
        promptTokens: last?.prompt_eval_count ?? 0,
        completionTokens: last?.eval_count ?? 0,
        finishReason,
        timings: {
          totalMs: performance.now() - started,
          ...(last?.prompt_eval_duration !== undefined
            ? { promptEvalMs: last.prompt_eval_duration / 1e6 }
            : {}),
          ...(last?.eval_duration !== undefined ? { generationMs: last.eval_duration / 1e6 } : {}),
        },
        model: last?.model ?? this.model,
      };
    })();
    const settled = raceAbort(work, signal);
    settled.then(
      () => signal?.removeEventListener('abort', onAbort),
      () => signal?.removeEventListener('abort', onAbort),
    );
    return settled;
  }

  /** @inheritDoc */
  async embed(texts: string[]): Promise<number[][]> {
    const response = await (await this.getClient()).embed({ model: this.model, input: texts });
    return response.embeddings;
  }

  /** @inheritDoc */
  info(): ProviderInfo {
    const oneB = isLlama32OneBOllamaTag(this.model);
    return {
      engine: 'ollama',
      model: this.model,
      ...(oneB ? { parameters: '1B' } : {}),
      targetsApply: oneB,
      host: this.host,
    };
  }

  /** @inheritDoc */
  async close(): Promise<void> {
    this.client?.abort();
  }
}
