import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  LlamaCppProvider,
  ModelFileError,
  OllamaUnreachableError,
  resolveProvider,
  writeTinyModel,
} from '../src/index';
import { closedPort } from './llm-ollama-check-unreachable.test';

const dir = await mkdtemp(join(tmpdir(), 'kb-resolve-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

it('auto falls back to a working tiny-model provider when Ollama is unreachable, and says so', async () => {
  const ollamaHost = `http://127.0.0.1:${await closedPort()}`;
  const resolved = await resolveProvider({ llm: 'auto', ollamaHost });
  try {
    expect(resolved.kind).toBe('embedded-tiny');
    expect(resolved.targetsApply).toBe(false);
    expect(resolved.reason).toContain(`not reachable at ${ollamaHost}`);
    expect(resolved.reason).toMatch(/tiny .*unrated/);
    expect(resolved.provider).toBeInstanceOf(LlamaCppProvider);
    const result = await resolved.provider.chat([{ role: 'user', content: 'hi' }], {
      maxTokens: 8,
      temperature: 0,
    });
    expect(result.completionTokens).toBe(8);
    expect(resolved.provider.info()).toMatchObject({
      engine: 'llama.cpp',
      targetsApply: false,
      tinyModel: true,
    });
  } finally {
    await resolved.provider.close();
  }
});

it('auto uses a given GGUF file when Ollama is unreachable; targets apply only to a Llama 3.2 1B', async () => {
  const ollamaHost = `http://127.0.0.1:${await closedPort()}`;
  const modelFile = join(dir, 'Llama-3.2-1B-Instruct-Q4.gguf');
  await writeTinyModel(modelFile, { seed: 5 });
  const resolved = await resolveProvider({ llm: 'auto', ollamaHost, modelFile });
  expect(resolved).toMatchObject({ kind: 'embedded-file', targetsApply: true });
  expect(resolved.provider.info()).toMatchObject({ modelPath: modelFile, targetsApply: true });
  await resolved.provider.close();
  const other = join(dir, 'something.gguf');
  await writeTinyModel(other, { seed: 5 });
  const plain = await resolveProvider({ llm: 'embedded', modelFile: other });
  expect(plain).toMatchObject({ kind: 'embedded-file', targetsApply: false });
  await plain.provider.close();
});

it('ollama mode fails with the check message; a bad model file fails clearly', async () => {
  const ollamaHost = `http://127.0.0.1:${await closedPort()}`;
  await expect(resolveProvider({ llm: 'ollama', ollamaHost })).rejects.toBeInstanceOf(OllamaUnreachableError);
  await expect(
    resolveProvider({ llm: 'embedded', modelFile: join(dir, 'missing.gguf') }),
  ).rejects.toBeInstanceOf(ModelFileError);
  const junk = join(dir, 'junk.gguf');
  await writeFile(junk, 'not a gguf');
  await expect(resolveProvider({ llm: 'embedded', modelFile: junk })).rejects.toMatchObject({
    code: 'LLM_MODEL_FILE_INVALID',
  });
});
