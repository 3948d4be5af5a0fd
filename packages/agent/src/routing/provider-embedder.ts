import { LlamaCppProvider, type LlamaCppProviderOptions } from '../llm/llama-cpp-provider';
import { OllamaProvider } from '../llm/ollama-provider';
import type { LlmProvider } from '../llm/types';
import type { Embedder } from './embedder';
import { EmbeddingError } from './errors';

/** Embedding model asked of Ollama when none is given: a small, widely pulled text-embedding model. */
export const DEFAULT_OLLAMA_EMBEDDING_MODEL = 'nomic-embed-text';

/** Options of {@link embedderFromProvider}. */
export interface ProviderEmbedderOptions {
  /** Shown in results and errors. @default `<engine> <model>` from the provider's info */
  name?: string;
  /** Whether the embedder's `close()` closes the provider. @default false (you own it) */
  closeProvider?: boolean;
}

/**
 * A neural {@link Embedder} on an {@link LlmProvider}'s `embed`. Only as meaningful as the provider's model:
 * the generated tiny model has random weights, so its vectors carry no meaning and must not route anything real.
 */
export function embedderFromProvider(provider: LlmProvider, options: ProviderEmbedderOptions = {}): Embedder {
  const info = provider.info();
  const name = options.name ?? `${info.engine} ${info.model}`;
  return {
    name,
    kind: 'neural',
    embed: (texts) => provider.embed(texts),
    close: options.closeProvider ? () => provider.close() : undefined,
  };
}

/** Options of {@link createOllamaEmbedder}. */
export interface OllamaEmbedderOptions {
  /** Server URL. @default process.env.OLLAMA_HOST, else http://127.0.0.1:11434 */
  host?: string;
  /** An embedding model pulled on that server (`ollama pull nomic-embed-text`). @default 'nomic-embed-text' */
  model?: string;
}

function isUnreachable(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return error instanceof TypeError && /fetch failed/i.test(error.message) && cause?.code !== undefined;
}

/**
 * A neural {@link Embedder} calling Ollama's `embed` (`/api/embed`) with an embedding model. Failures say
 * what to do: an unreachable server, a model not pulled.
 */
export function createOllamaEmbedder(options: OllamaEmbedderOptions = {}): Embedder {
  const model = options.model ?? DEFAULT_OLLAMA_EMBEDDING_MODEL;
  const provider = new OllamaProvider({ ...(options.host ? { host: options.host } : {}), model });
  const name = `ollama ${model}`;
  return {
    name,
    kind: 'neural',
    async embed(texts) {
      try {
        return await provider.embed(texts);
      } catch (error) {
        if (isUnreachable(error)) {
          throw new EmbeddingError(
            name,
            `could not reach Ollama at ${provider.host}`,
            'start it with `ollama serve` or set OLLAMA_HOST',
            { cause: error },
          );
        }
        if ((error as { status_code?: number })?.status_code === 404) {
          throw new EmbeddingError(
            name,
            `found no model ${model} on ${provider.host}`,
            `run \`ollama pull ${model}\``,
            { cause: error },
          );
        }
        throw new EmbeddingError(
          name,
          `failed: ${error instanceof Error ? error.message : String(error)}`,
          undefined,
          { cause: error },
        );
      }
    },
    close: () => provider.close(),
  };
}

/**
 * A neural {@link Embedder} computing embeddings in-process with node-llama-cpp from a GGUF file (loaded on
 * the first `embed`, released by `close()`). Use an embedding model (e.g. a nomic-embed or bge GGUF).
 */
export function createLlamaCppEmbedder(options: LlamaCppProviderOptions): Embedder {
  const provider = new LlamaCppProvider(options);
  return embedderFromProvider(provider, { closeProvider: true });
}
