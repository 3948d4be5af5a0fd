/** One message of a conversation, in the role names Ollama and OpenAI use. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Per-call generation options. Unset fields use the engine's defaults. */
export interface ChatOptions {
  /** Upper bound on generated tokens (Ollama `num_predict`). @default the engine's (until end of turn or context) */
  maxTokens?: number;
  /** Sampling temperature; 0 is greedy and deterministic. @default the engine's (0.8 for Ollama) */
  temperature?: number;
  /** Sampling seed, so runs at temperature > 0 are reproducible. */
  seed?: number;
  /** JSON Schema the answer must follow (grammar-constrained decoding). */
  jsonSchema?: object;
  /** Constrain the answer to JSON of any shape (Ollama `format: 'json'`); ignored when `jsonSchema` is set. */
  json?: boolean;
  /** Aborting rejects the call promptly with an {@link LlmAbortError} and stops generation. */
  signal?: AbortSignal;
  /** Called with each piece of text as it is generated (streaming). */
  onText?: (text: string) => void;
}

/** Why generation ended: end of turn, the token limit, or an abort. */
export type FinishReason = 'stop' | 'length' | 'abort';

/** Wall-clock and engine-reported timings of one call, in milliseconds. */
export interface ChatTimings {
  /** Whole call as seen by the caller, including transport. */
  totalMs: number;
  /** Prompt evaluation (up to the first generated token), where the engine reports or we can time it. */
  promptEvalMs?: number;
  /** Token generation after the prompt, where the engine reports or we can time it. */
  generationMs?: number;
}

/** Result of {@link LlmProvider.chat}. */
export interface ChatResult {
  text: string;
  promptTokens: number;
  completionTokens: number;
  finishReason: FinishReason;
  timings: ChatTimings;
  /** The model that answered, as the engine names it. */
  model: string;
}

/** What a provider runs on; goes into benchmark metadata. */
export interface ProviderInfo {
  engine: 'ollama' | 'llama.cpp';
  /** Model name (Ollama tag) or GGUF file name. */
  model: string;
  /** Parameter count label where known, e.g. `1B`. */
  parameters?: string;
  /** Whether the benchmark targets (calibrated on Llama 3.2 1B) apply to results on this model. */
  targetsApply: boolean;
  /** Ollama server URL. */
  host?: string;
  /** GGUF path of an embedded model. */
  modelPath?: string;
  /** CPU threads used for evaluation (embedded engine). */
  threads?: number;
  /** True for the generated random-weight tiny model, whose output is nonsense by design. */
  tinyModel?: boolean;
  /** Set when the model runs in another process that serves it at this URL (`llm: 'served'`). */
  servedUrl?: string;
}

/** A chat + embedding LLM backend. Implementations: {@link OllamaProvider}, {@link LlamaCppProvider}. */
export interface LlmProvider {
  /** Generates the assistant's next message for `messages`. */
  chat(messages: ChatMessage[], options?: ChatOptions): Promise<ChatResult>;
  /** One embedding vector per input text, all of the model's embedding dimension. */
  embed(texts: string[]): Promise<number[][]>;
  info(): ProviderInfo;
  /** Releases the model and connections; the provider must not be used afterwards. */
  close(): Promise<void>;
}
