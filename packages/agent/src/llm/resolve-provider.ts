import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { throwIfAborted } from './_abort';
import { importNodeLlamaCpp } from './_node-llama-cpp';
import { LlmError, ModelFileError, OllamaModelMissingError, OllamaUnreachableError } from './errors';
import { LlamaCppProvider } from './llama-cpp-provider';
import { isLlama32OneBGguf } from './model-class';
import { OllamaProvider } from './ollama-provider';
import { connectServedProvider } from './served-provider';
import { ensureTinyModel, type TinyModelOptions } from './tiny-model';
import type { LlmProvider } from './types';

/** What a suite or an agent is told about its LLM: the CLI's `--llm --ollama-host --model --model-file`, or a served one. */
export type LlmChoice = Pick<
  ResolveProviderOptions,
  'llm' | 'ollamaHost' | 'model' | 'modelFile' | 'servedUrl'
>;

/** Options of {@link resolveProvider}. */
export interface ResolveProviderOptions {
  /**
   * `ollama`: Ollama only, failing with the reason when unusable. `embedded`: node-llama-cpp on `modelFile`,
   * or on the generated tiny model without one. `auto`: Ollama if it is reachable and has the model, else
   * `embedded`. `served`: the provider another process serves at `servedUrl` ({@link serveProvider}).
   * @default 'auto'
   */
  llm?: 'auto' | 'ollama' | 'embedded' | 'served';
  /** With `llm: 'served'`: the URL of {@link serveProvider} in the process that holds the model. */
  servedUrl?: string;
  /** Ollama server URL. @default process.env.OLLAMA_HOST, else http://127.0.0.1:11434 */
  ollamaHost?: string;
  /** Ollama model tag. @default 'llama3.2:1b' */
  model?: string;
  /** GGUF file for the embedded engine. */
  modelFile?: string;
  /** Threads of the embedded engine. @default defaultLlamaThreads() */
  threads?: number;
  /** Options of the generated tiny model. @default { seed: 42 } */
  tinyModel?: TinyModelOptions & { cacheDir?: string };
  signal?: AbortSignal;
}

/** Which provider {@link resolveProvider} chose, and why. */
export interface ResolvedProvider {
  provider: LlmProvider;
  kind: 'ollama' | 'embedded-file' | 'embedded-tiny' | 'served';
  /** Whether the benchmark targets (set for Llama 3.2 1B) apply; never for the tiny model. */
  targetsApply: boolean;
  /** One line for the user: what was picked and why. */
  reason: string;
}

async function embeddedFile(
  modelFile: string,
  threads: number | undefined,
  why: string,
): Promise<ResolvedProvider> {
  try {
    await access(modelFile);
  } catch (error) {
    throw new ModelFileError(modelFile, 'file not found or not readable', { cause: error });
  }
  const metadata: Record<string, unknown> = {};
  try {
    const { readGgufFileInfo } = await importNodeLlamaCpp();
    const info = await readGgufFileInfo(modelFile, {
      readTensorInfo: false,
      logWarnings: false,
      ignoreKeys: [
        'tokenizer.ggml.tokens',
        'tokenizer.ggml.scores',
        'tokenizer.ggml.token_type',
        'tokenizer.ggml.merges',
      ],
    });
    const general = (info.metadata as { general?: Record<string, unknown> }).general ?? {};
    for (const [k, v] of Object.entries(general)) metadata[`general.${k}`] = v;
  } catch (error) {
    throw new ModelFileError(modelFile, 'not a readable GGUF file', { cause: error });
  }
  const targetsApply = isLlama32OneBGguf(basename(modelFile), metadata);
  const provider = new LlamaCppProvider({
    modelPath: modelFile,
    targetsApply,
    ...(threads ? { threads } : {}),
  });
  return {
    provider,
    kind: 'embedded-file',
    targetsApply,
    reason: `${why}using the embedded engine (node-llama-cpp) on ${modelFile}${targetsApply ? '' : ' (not Llama 3.2 1B: results unrated)'}`,
  };
}

async function embeddedTiny(options: ResolveProviderOptions, why: string): Promise<ResolvedProvider> {
  const modelPath = await ensureTinyModel({ seed: 42, ...options.tinyModel });
  const provider = new LlamaCppProvider({
    modelPath,
    name: 'kaizen-bench-tiny',
    targetsApply: false,
    ...(options.threads ? { threads: options.threads } : {}),
  });
  return {
    provider,
    kind: 'embedded-tiny',
    targetsApply: false,
    reason: `${why}using the generated tiny random-weight model (${modelPath}): it measures runtime overhead only, results unrated`,
  };
}

async function served(options: ResolveProviderOptions): Promise<ResolvedProvider> {
  if (!options.servedUrl) {
    throw new LlmError(
      'LLM_SERVED_URL_MISSING',
      "llm: 'served' needs servedUrl: the URL serveProvider() returned in the process that holds the model",
    );
  }
  const provider = await connectServedProvider(
    options.servedUrl,
    options.signal ? { signal: options.signal } : {},
  );
  const info = provider.info();
  return {
    provider,
    kind: 'served',
    targetsApply: info.targetsApply,
    reason: `using the ${info.engine} model ${info.model} served by another process at ${options.servedUrl}${info.targetsApply ? '' : ' (results unrated)'}`,
  };
}

/**
 * Picks the LLM provider for a run: a reachable Ollama with the model, else a GGUF file, else the generated
 * tiny model. The returned provider is not loaded yet (the embedded engine loads on first use).
 * @throws OllamaUnreachableError / OllamaModelMissingError in `ollama` mode; ModelFileError for a bad `modelFile`.
 */
export async function resolveProvider(options: ResolveProviderOptions = {}): Promise<ResolvedProvider> {
  const mode = options.llm ?? 'auto';
  const { signal } = options;
  throwIfAborted(signal);
  if (mode === 'served') return served(options);
  if (mode === 'embedded') {
    return options.modelFile
      ? embeddedFile(options.modelFile, options.threads, '--llm embedded: ')
      : embeddedTiny(options, '--llm embedded without a model file: ');
  }
  const ollama = new OllamaProvider({
    ...(options.ollamaHost ? { host: options.ollamaHost } : {}),
    ...(options.model ? { model: options.model } : {}),
  });
  const check = await ollama.check(signal ? { signal } : {});
  if (check.ok) {
    const { targetsApply } = ollama.info();
    return {
      provider: ollama,
      kind: 'ollama',
      targetsApply,
      reason: `Ollama at ${ollama.host} has ${ollama.model}${targetsApply ? '' : ' (not Llama 3.2 1B: results unrated)'}`,
    };
  }
  if (mode === 'ollama') {
    throw check.problem === 'unreachable'
      ? new OllamaUnreachableError(ollama.host)
      : new OllamaModelMissingError(ollama.model, ollama.host);
  }
  throwIfAborted(signal);
  const why = `${check.message}; `;
  return options.modelFile
    ? embeddedFile(options.modelFile, options.threads, why)
    : embeddedTiny(options, why);
}
