import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ChatMessage,
  type ChatOptions,
  type ChatResult,
  ensureTinyModel,
  LlamaCppProvider,
  type LlmProvider,
  sameOllamaModel,
} from '@kaizen-bench/agent';
import { HttpError, readJson, sendJson, startNdjson } from './_http';

/** Options of {@link startOllamaTestServer}. */
export interface OllamaTestServerOptions {
  /** Port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /**
   * Backing model. Left unset, the server runs a {@link LlamaCppProvider} on the generated tiny model (seed 42)
   * and closes it on `close()`; a given provider is left open.
   */
  provider?: LlmProvider;
  /**
   * The one model name the server lists and answers to (with or without `:latest`). Advertising
   * `llama3.2:1b` makes clients believe the benchmark targets apply: do that only to test that logic.
   * @default 'kaizen-bench-tiny:latest'
   */
  modelName?: string;
}

/** What happened to one generation request; for assertions in tests. */
export interface OllamaTestServerRequest {
  path: '/api/chat' | '/api/generate';
  stream: boolean;
  /** `stop` / `length` as in `done_reason`, or `aborted` when the client went away mid-generation. */
  outcome: 'stop' | 'length' | 'aborted' | 'error';
  evalCount: number;
}

/** A running test server. */
export interface OllamaTestServer {
  /** Base URL, e.g. `http://127.0.0.1:43121`: pass it as the Ollama host. */
  url: string;
  port: number;
  modelName: string;
  /** Generation requests served so far, in completion order. */
  requests: OllamaTestServerRequest[];
  /** Stops the server (dropping open connections) and closes the provider it created. */
  close(): Promise<void>;
}

/** The test server's version string for `/api/version`. */
export const OLLAMA_TEST_SERVER_VERSION = '0.0.0-kaizen-bench-testkit';

interface TokenizingProvider extends LlmProvider {
  tokenize?(text: string): Promise<number[]>;
  detokenize?(tokens: readonly number[]): Promise<string>;
}

const ns = (ms: number | undefined) => Math.round((ms ?? 0) * 1e6);

function chatOptionsFrom(body: Record<string, unknown>, signal: AbortSignal): ChatOptions {
  const o = (body.options ?? {}) as Record<string, unknown>;
  const options: ChatOptions = { signal };
  // Ollama: num_predict -1 = unlimited, -2 = fill the context.
  if (typeof o.num_predict === 'number' && o.num_predict >= 0) options.maxTokens = o.num_predict;
  if (typeof o.temperature === 'number') options.temperature = o.temperature;
  if (typeof o.seed === 'number') options.seed = o.seed;
  if (body.format === 'json') options.json = true;
  else if (body.format && typeof body.format === 'object') options.jsonSchema = body.format;
  else if (body.format !== undefined && body.format !== '') throw new HttpError(400, 'invalid format');
  return options;
}

function parseMessages(value: unknown): ChatMessage[] {
  if (!Array.isArray(value)) throw new HttpError(400, 'messages must be an array');
  return value.map((m) => {
    const { role, content } = (m ?? {}) as Record<string, unknown>;
    if ((role !== 'system' && role !== 'user' && role !== 'assistant') || typeof content !== 'string') {
      throw new HttpError(400, 'each message needs a role (system, user, assistant) and string content');
    }
    return { role, content };
  });
}

/**
 * Starts a loopback HTTP server speaking the subset of the Ollama API the `ollama` JS client uses
 * (`/api/version`, `/api/tags`, `/api/show`, `/api/chat`, `/api/generate`, `/api/embed`, `/api/embeddings`),
 * streaming NDJSON or answering once, with Ollama's field names and nanosecond durations. A test fixture,
 * never a product feature: its "model" is the tiny random-weight one and produces nonsense.
 */
export async function startOllamaTestServer(
  options: OllamaTestServerOptions = {},
): Promise<OllamaTestServer> {
  const modelName = options.modelName ?? 'kaizen-bench-tiny:latest';
  const ownsProvider = !options.provider;
  const provider: TokenizingProvider =
    options.provider ??
    new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), name: modelName });
  const requests: OllamaTestServerRequest[] = [];
  const modelEntry = () => ({
    name: modelName,
    model: modelName,
    modified_at: new Date(0).toISOString(),
    size: 0,
    digest: 'kaizen-bench-testkit',
    details: {
      parent_model: '',
      format: 'gguf',
      family: 'llama',
      families: ['llama'],
      parameter_size: provider.info().parameters ?? 'tiny',
      quantization_level: 'F32',
    },
  });

  const requireModel = (body: Record<string, unknown>) => {
    const name = typeof body.model === 'string' ? body.model : '';
    if (!name) throw new HttpError(400, 'model is required');
    if (!sameOllamaModel(name, modelName))
      throw new HttpError(404, `model "${name}" not found, try pulling it first`);
    return name;
  };

  async function generate(
    path: '/api/chat' | '/api/generate',
    res: ServerResponse,
    body: Record<string, unknown>,
  ): Promise<void> {
    const model = requireModel(body);
    let messages: ChatMessage[];
    if (path === '/api/chat') {
      messages = parseMessages(body.messages);
    } else {
      let prompt = typeof body.prompt === 'string' ? body.prompt : '';
      if (Array.isArray(body.context) && body.context.length > 0) {
        // Token ids from the client are validated by the provider: an id outside the vocab would crash llama.cpp.
        if (!provider.detokenize) throw new HttpError(400, 'context is not supported by this provider');
        prompt =
          (await provider.detokenize(body.context as number[]).catch((e: Error) => {
            throw new HttpError(400, e.message);
          })) + prompt;
      }
      messages = [
        ...(typeof body.system === 'string' ? [{ role: 'system' as const, content: body.system }] : []),
        { role: 'user', content: prompt },
      ];
    }
    const stream = body.stream !== false; // Ollama streams unless told otherwise.
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const chatOptions = chatOptionsFrom(body, controller.signal);
    const createdAt = () => new Date().toISOString();
    const piece = (text: string) =>
      path === '/api/chat'
        ? { model, created_at: createdAt(), message: { role: 'assistant', content: text }, done: false }
        : { model, created_at: createdAt(), response: text, done: false };
    let evalCount = 0;
    let write: ((line: unknown) => void) | undefined;
    if (stream) {
      write = startNdjson(res);
      chatOptions.onText = (text) => {
        evalCount++;
        write?.(piece(text));
      };
    }
    let result: ChatResult;
    try {
      result = await provider.chat(messages, chatOptions);
    } catch (error) {
      const aborted = controller.signal.aborted;
      requests.push({ path, stream, outcome: aborted ? 'aborted' : 'error', evalCount });
      if (aborted) return;
      if (write) {
        write({ error: (error as Error).message });
        res.end();
        return;
      }
      throw error;
    }
    const stats = {
      done: true,
      done_reason: result.finishReason === 'length' ? 'length' : 'stop',
      total_duration: ns(result.timings.totalMs),
      load_duration: 0,
      prompt_eval_count: result.promptTokens,
      prompt_eval_duration: ns(result.timings.promptEvalMs),
      eval_count: result.completionTokens,
      eval_duration: ns(result.timings.generationMs),
    };
    requests.push({
      path,
      stream,
      outcome: stats.done_reason as 'stop' | 'length',
      evalCount: result.completionTokens,
    });
    const final =
      path === '/api/chat'
        ? {
            model,
            created_at: createdAt(),
            message: { role: 'assistant', content: stream ? '' : result.text },
            ...stats,
          }
        : {
            model,
            created_at: createdAt(),
            response: stream ? '' : result.text,
            ...stats,
            context: provider.tokenize ? await provider.tokenize(result.text) : [],
          };
    if (write) {
      write(final);
      res.end();
    } else {
      sendJson(res, 200, final);
    }
  }

  async function embed(res: ServerResponse, body: Record<string, unknown>, legacy: boolean): Promise<void> {
    const model = requireModel(body);
    const input = legacy ? body.prompt : body.input;
    const texts = typeof input === 'string' ? [input] : input;
    if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) {
      throw new HttpError(
        400,
        legacy ? 'prompt must be a string' : 'input must be a string or an array of strings',
      );
    }
    const started = performance.now();
    const embeddings = await provider.embed(texts as string[]);
    if (legacy) return sendJson(res, 200, { embedding: embeddings[0] ?? [] });
    let promptEvalCount = 0;
    if (provider.tokenize)
      for (const t of texts as string[]) promptEvalCount += (await provider.tokenize(t)).length;
    sendJson(res, 200, {
      model,
      embeddings,
      total_duration: ns(performance.now() - started),
      load_duration: 0,
      prompt_eval_count: promptEvalCount,
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const get = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/' && get) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('Ollama is running');
      return;
    }
    if (path === '/api/version' && get) return sendJson(res, 200, { version: OLLAMA_TEST_SERVER_VERSION });
    if (path === '/api/tags' && get) return sendJson(res, 200, { models: [modelEntry()] });
    if (req.method !== 'POST') throw new HttpError(404, `${req.method} ${path} not found`);
    const body = await readJson(req);
    switch (path) {
      case '/api/show': {
        requireModel(body);
        const { details } = modelEntry();
        return sendJson(res, 200, {
          license: '',
          modelfile: '',
          parameters: '',
          template: '',
          details,
          model_info: {},
        });
      }
      case '/api/chat':
      case '/api/generate':
        return generate(path, res, body);
      case '/api/embed':
        return embed(res, body, false);
      case '/api/embeddings':
        return embed(res, body, true);
      default:
        throw new HttpError(404, `${path} not found`);
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const status = error instanceof HttpError ? error.status : 500;
      sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    modelName,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsProvider) await provider.close();
    },
  };
}
