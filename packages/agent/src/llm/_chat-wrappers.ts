import type { ChatWrapper, LlamaModel } from 'node-llama-cpp';
import type { NodeLlamaCppModule } from './_node-llama-cpp';

// Resolving a model's chat wrapper (node-llama-cpp renders its Jinja chat template against many test
// conversations to find an equivalent built-in wrapper) costs ~300 ms of CPU, ten times the model load of a
// small GGUF. It depends only on the file: resolve once per file version and share the (stateless) wrapper.
const resolved = new Map<string, ChatWrapper>();

/** The chat wrapper of `model`, resolved on the first load of this file version (`path:size:mtime`). */
export function chatWrapperFor(m: NodeLlamaCppModule, model: LlamaModel, fileVersion: string): ChatWrapper {
  let wrapper = resolved.get(fileVersion);
  if (!wrapper) {
    wrapper = m.resolveChatWrapper(model);
    resolved.set(fileVersion, wrapper);
  }
  return wrapper;
}
