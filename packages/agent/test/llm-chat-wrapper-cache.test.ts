import { copyFileSync, mkdtempSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { getSharedLlama, importNodeLlamaCpp } from '../src/llm/_node-llama-cpp';
import { chatWrapperFor } from '../src/llm/_chat-wrappers';
import { ensureTinyModel } from '../src/llm/tiny-model';

test('a model file version resolves its chat wrapper once; a changed file resolves again', async () => {
  const source = await ensureTinyModel({ seed: 42 });
  const path = join(mkdtempSync(join(tmpdir(), 'kaizen-wrapper-')), 'model.gguf');
  copyFileSync(source, path);
  const [m, llama] = await Promise.all([importNodeLlamaCpp(), getSharedLlama()]);
  const model = await llama.loadModel({ modelPath: path, gpuLayers: 0 });
  try {
    const version = () => `${path}:${statSync(path).size}:${statSync(path).mtimeMs}`;
    const first = chatWrapperFor(m, model, version());
    // The tiny model carries a ChatML template: resolved to the built-in ChatML wrapper.
    expect(first.constructor.name).toBe('ChatMLChatWrapper');
    expect(chatWrapperFor(m, model, version())).toBe(first);
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    expect(chatWrapperFor(m, model, version())).not.toBe(first);
  } finally {
    await model.dispose();
  }
});
