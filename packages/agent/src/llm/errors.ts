/** Base class of the LLM errors: each failure kind has a stable `code`. */
export class LlmError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The Ollama server did not answer at its host. */
export class OllamaUnreachableError extends LlmError {
  constructor(
    readonly host: string,
    options?: { cause?: unknown },
  ) {
    super(
      'LLM_OLLAMA_UNREACHABLE',
      `Ollama server not reachable at ${host} — start it with \`ollama serve\` or set OLLAMA_HOST`,
      options,
    );
  }
}

/** The Ollama server runs but does not have the model. */
export class OllamaModelMissingError extends LlmError {
  constructor(
    readonly model: string,
    readonly host: string,
  ) {
    super('LLM_OLLAMA_MODEL_MISSING', `Model ${model} not pulled on ${host} — run \`ollama pull ${model}\``);
  }
}

/** A GGUF model file is missing, unreadable or not loadable. */
export class ModelFileError extends LlmError {
  constructor(
    readonly path: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      'LLM_MODEL_FILE_INVALID',
      `Cannot use model file ${path}: ${reason} — pass a readable GGUF file`,
      options,
    );
  }
}

/** A token id outside the vocabulary; detokenizing it would crash llama.cpp, so it is refused. */
export class TokenOutOfRangeError extends LlmError {
  constructor(
    readonly token: number,
    readonly vocabSize: number,
  ) {
    super(
      'LLM_TOKEN_OUT_OF_RANGE',
      `Token id ${token} is outside the vocabulary (0..${vocabSize - 1}) — pass ids produced by this model`,
    );
  }
}

/** The provider was used after `close()`. */
export class ProviderClosedError extends LlmError {
  constructor() {
    super('LLM_PROVIDER_CLOSED', 'The LLM provider is closed — create a new one');
  }
}

/**
 * The call was aborted through its `AbortSignal`. `name` is `AbortError`, like DOM aborts, so generic
 * `err.name === 'AbortError'` checks work.
 */
export class LlmAbortError extends LlmError {
  constructor(options?: { cause?: unknown }) {
    super('LLM_ABORTED', 'The LLM call was aborted', options);
    this.name = 'AbortError';
  }
}
