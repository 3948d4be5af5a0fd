// One process's LLM provider, used by another over loopback HTTP: `serveProvider` in the process that holds
// the model, `connectServedProvider` (or `resolveProvider({ llm: 'served', servedUrl })`) in the other.
// `kaizen-bench run --measure instructions` uses it so that the embedded model runs at full speed in the CLI
// while the agent under valgrind counts only its own work. The wire format is ours, not Ollama's.
// node:http is imported on first use (~4 ms): importing the agent must stay cheap (Cold Start times it).
import type { Agent, IncomingMessage, request as httpRequest, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { raceAbort, SerialQueue, throwIfAborted } from './_abort';
import { LlmAbortError, LlmError } from './errors';
import type { ChatMessage, ChatOptions, ChatResult, LlmProvider, ProviderInfo } from './types';

/** A running {@link serveProvider}. */
export interface ServedProviderHandle {
  /** Base URL, e.g. `http://127.0.0.1:41234`: pass it as `servedUrl`. */
  url: string;
  /** Stops serving (open calls are aborted). The provider itself is left open: its owner closes it. */
  close(): Promise<void>;
}

/** Options of {@link serveProvider}. */
export interface ServeProviderOptions {
  /** Port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
}

/** The chat options that cross the wire (the signal becomes the connection, `onText` the stream). */
type WireChatOptions = Omit<ChatOptions, 'signal' | 'onText'>;

/** One line of a `/chat` answer (NDJSON): text pieces when streaming, then the result or the error. */
type ChatLine = { text: string } | { result: ChatResult } | { error: { code: string; message: string } };

const MAX_BODY_BYTES = 64 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** One write: headers and body together. */
function sendJson(res: ServerResponse, value: unknown, status = 200): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

const errorOf = (error: unknown) => ({
  code: error instanceof LlmError ? error.code : 'LLM_SERVED_CALL_FAILED',
  message: error instanceof Error ? error.message : String(error),
});

/**
 * Serves `provider` on 127.0.0.1 to {@link connectServedProvider}: `GET /info`, `POST /chat` (the result in one
 * JSON body, or NDJSON text pieces then the result when the caller streams), `POST /embed`. Calls run one at a time, in arrival order. A client that goes
 * away mid-call (its signal aborted) aborts the call here.
 */
export async function serveProvider(
  provider: LlmProvider,
  options: ServeProviderOptions = {},
): Promise<ServedProviderHandle> {
  const queue = new SerialQueue();
  const open = new Set<AbortController>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('the client went away'));
    });
    open.add(controller);
    try {
      if (req.method === 'GET' && req.url === '/info') return sendJson(res, provider.info());
      if (req.method !== 'POST' || (req.url !== '/chat' && req.url !== '/embed')) {
        const message = `no ${req.method} ${req.url}: the routes are GET /info, POST /chat, POST /embed`;
        return sendJson(res, { error: { code: 'LLM_SERVED_NOT_FOUND', message } }, 404);
      }
      const body = (await readBody(req)) as Record<string, unknown>;
      if (req.url === '/embed') {
        const texts = body['texts'];
        const answer = await queue
          .run(() => provider.embed(texts as string[]))
          .then(
            (vectors) => ({ vectors }),
            (error: unknown) => ({ error: errorOf(error) }),
          );
        return sendJson(res, answer);
      }
      const messages = body['messages'] as ChatMessage[];
      const wire = (body['options'] ?? {}) as WireChatOptions;
      const stream = body['stream'] === true;
      if (stream) res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      const line = (value: ChatLine) => {
        if (!res.destroyed) res.write(`${JSON.stringify(value)}\n`);
      };
      const chatOptions: ChatOptions = {
        ...wire,
        signal: controller.signal,
        ...(stream ? { onText: (text: string) => line({ text }) } : {}),
      };
      const last = await queue.run(async (): Promise<ChatLine | undefined> => {
        if (controller.signal.aborted) return undefined;
        try {
          return { result: await provider.chat(messages, chatOptions) };
        } catch (error) {
          return { error: errorOf(error) };
        }
      });
      if (last === undefined || res.destroyed) return void res.end();
      if (stream) return void res.end(`${JSON.stringify(last)}\n`);
      // Not streaming: the whole answer in one write, so the client reads it in one go (a counted client
      // then does the same work every call, whatever the timing).
      sendJson(res, last);
    } catch (error) {
      if (res.headersSent) res.end();
      else sendJson(res, { error: errorOf(error) }, 400);
    } finally {
      open.delete(controller);
    }
  };

  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  // Connections stay open however long a client pauses: a client that found its connection closed after
  // Node's 5 s default would reconnect at times that depend on its speed (under valgrind, often).
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const controller of open) controller.abort(new Error('the server closed'));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Options of {@link connectServedProvider}. */
export interface ConnectServedProviderOptions {
  signal?: AbortSignal;
}

/** An {@link LlmProvider} whose calls run in another process's {@link serveProvider}. */
class ServedProvider implements LlmProvider {
  constructor(
    readonly url: string,
    private readonly served: ProviderInfo,
    private readonly request: typeof httpRequest,
    private readonly agent: Agent,
  ) {}

  /** POSTs `body` to `path` and hands each answer line to `onLine`; rejects with LlmAbortError on abort. */
  private post(
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    onLine: (line: Record<string, unknown>) => void,
  ): Promise<void> {
    throwIfAborted(signal);
    const work = new Promise<void>((resolve, reject) => {
      const req = this.request(`${this.url}${path}`, {
        method: 'POST',
        agent: this.agent,
        headers: { 'content-type': 'application/json' },
        ...(signal ? { signal } : {}),
      });
      req.on('error', (error) => reject(unreachable(this.url, error)));
      req.on('response', (res) => {
        res.setEncoding('utf8');
        let pending = '';
        res.on('data', (chunk: string) => {
          pending += chunk;
          let newline = pending.indexOf('\n');
          while (newline >= 0) {
            const text = pending.slice(0, newline);
            pending = pending.slice(newline + 1);
            if (text.trim() !== '') onLine(JSON.parse(text) as Record<string, unknown>);
            newline = pending.indexOf('\n');
          }
        });
        res.on('end', () => {
          if (pending.trim() !== '') onLine(JSON.parse(pending) as Record<string, unknown>);
          resolve();
        });
        res.on('error', reject);
      });
      req.end(JSON.stringify(body));
    });
    return raceAbort(work, signal);
  }

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    const { signal, onText, ...wire } = options;
    let result: ChatResult | undefined;
    let failure: LlmError | undefined;
    await this.post('/chat', { messages, options: wire, stream: onText !== undefined }, signal, (line) => {
      if (typeof line['text'] === 'string') onText?.(line['text']);
      else if (line['result']) result = line['result'] as ChatResult;
      else failure = lineError(line);
    });
    if (failure) throw failure;
    if (!result) throw new LlmError('LLM_SERVED_CALL_FAILED', `${this.url}/chat ended without a result`);
    return result;
  }

  async embed(texts: string[]): Promise<number[][]> {
    let vectors: number[][] | undefined;
    let failure: LlmError | undefined;
    await this.post('/embed', { texts }, undefined, (line) => {
      if (Array.isArray(line['vectors'])) vectors = line['vectors'] as number[][];
      else failure = lineError(line);
    });
    if (failure) throw failure;
    if (!vectors) throw new LlmError('LLM_SERVED_CALL_FAILED', `${this.url}/embed ended without vectors`);
    return vectors;
  }

  /** The served provider's info (engine, model, threads...) with `servedUrl` added. */
  info(): ProviderInfo {
    return { ...this.served, servedUrl: this.url };
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }
}

function lineError(line: Record<string, unknown>): LlmError {
  const error = (line['error'] ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof error.code === 'string' ? error.code : 'LLM_SERVED_CALL_FAILED';
  const message = typeof error.message === 'string' ? error.message : JSON.stringify(line);
  return code === 'LLM_ABORTED' ? new LlmAbortError() : new LlmError(code, message);
}

function unreachable(url: string, cause: unknown): unknown {
  if (cause instanceof Error && cause.name === 'AbortError') return cause;
  return new LlmError(
    'LLM_SERVED_UNREACHABLE',
    `No LLM served at ${url} (${cause instanceof Error ? cause.message : String(cause)}) — start the serving process (serveProvider) first`,
    { cause },
  );
}

/**
 * Connects to a provider served by {@link serveProvider} at `url` (reads its info once).
 * @throws LlmError `LLM_SERVED_UNREACHABLE` when nothing answers there.
 */
export async function connectServedProvider(
  url: string,
  options: ConnectServedProviderOptions = {},
): Promise<LlmProvider> {
  const base = url.replace(/\/+$/, '');
  throwIfAborted(options.signal);
  const { Agent, request } = await import('node:http');
  const info = await new Promise<ProviderInfo>((resolve, reject) => {
    const req = request(`${base}/info`, { ...(options.signal ? { signal: options.signal } : {}) });
    req.on('error', (error) => reject(unreachable(base, error)));
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        try {
          if (res.statusCode !== 200) throw new Error(`GET /info answered ${res.statusCode}`);
          resolve(JSON.parse(text) as ProviderInfo);
        } catch (error) {
          reject(unreachable(base, error));
        }
      });
    });
    req.end();
  });
  return new ServedProvider(base, info, request, new Agent({ keepAlive: true, maxSockets: 1 }));
}
