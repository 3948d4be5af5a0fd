import type * as NodeLlamaCpp from 'node-llama-cpp';

/** The node-llama-cpp module, imported on first use so importing the agent stays cheap. */
export type NodeLlamaCppModule = typeof NodeLlamaCpp;
export type Llama = NodeLlamaCpp.Llama;

let modulePromise: Promise<NodeLlamaCppModule> | undefined;
let llamaPromise: Promise<Llama> | undefined;

export function importNodeLlamaCpp(): Promise<NodeLlamaCppModule> {
  modulePromise ??= import('node-llama-cpp');
  return modulePromise;
}

/**
 * One CPU-only llama.cpp binding per process, shared by every provider. `build: 'never'` and
 * `skipDownload` make it use the installed prebuilt binary and never download or compile.
 */
export function getSharedLlama(): Promise<Llama> {
  llamaPromise ??= importNodeLlamaCpp().then((m) =>
    m.getLlama({
      gpu: false,
      build: 'never',
      skipDownload: true,
      progressLogs: false,
      logLevel: m.LlamaLogLevel.error,
    }),
  );
  llamaPromise.catch(() => {
    llamaPromise = undefined;
  });
  return llamaPromise;
}
