import type * as OllamaClient from 'ollama';

/** The `ollama` client module, imported on first use: importing it costs ~15-20 ms. */
export type OllamaModule = typeof OllamaClient;

let modulePromise: Promise<OllamaModule> | undefined;

export function importOllama(): Promise<OllamaModule> {
  modulePromise ??= import('ollama');
  modulePromise.catch(() => {
    modulePromise = undefined;
  });
  return modulePromise;
}
