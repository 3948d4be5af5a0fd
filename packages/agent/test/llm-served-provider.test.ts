import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ChatMessage,
  type ChatOptions,
  connectServedProvider,
  ensureTinyModel,
  LlamaCppProvider,
  LlmAbortError,
  LlmError,
  type LlmProvider,
  resolveProvider,
  type ServedProviderHandle,
  serveProvider,
} from '../src/index';

// The real tiny model served over real loopback HTTP; `seen` records how each call ended on the serving side.
let model: LlamaCppProvider;
let served: ServedProviderHandle;
const seen: { outcome: 'ok' | 'error'; error?: unknown; pieces: number }[] = [];

beforeAll(async () => {
  model = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
  await model.load();
  const recording: LlmProvider = {
    async chat(messages: ChatMessage[], options?: ChatOptions) {
      const entry: (typeof seen)[number] = { outcome: 'ok', pieces: 0 };
      seen.push(entry);
      const onText = options?.onText;
      try {
        return await model.chat(messages, {
          ...options,
          onText: (text) => {
            entry.pieces++;
            onText?.(text);
          },
        });
      } catch (error) {
        entry.outcome = 'error';
        entry.error = error;
        throw error;
      }
    },
    embed: (texts) => model.embed(texts),
    info: () => model.info(),
    close: async () => {},
  };
  served = await serveProvider(recording);
});
afterAll(async () => {
  await served?.close();
  await model?.close();
});

const question: ChatMessage[] = [{ role: 'user', content: 'What is the capital of France?' }];

it('answers a chat exactly as the model does in-process, with the served info and its URL', async () => {
  const remote = await connectServedProvider(served.url);
  const options = { maxTokens: 24, temperature: 0, seed: 42 };
  const direct = await model.chat(question, options);
  const viaHttp = await remote.chat(question, options);
  expect(viaHttp.text).toBe(direct.text);
  expect(viaHttp.completionTokens).toBe(direct.completionTokens);
  expect(viaHttp.promptTokens).toBe(direct.promptTokens);
  expect(remote.info()).toMatchObject({
    engine: 'llama.cpp',
    model: model.info().model,
    servedUrl: served.url,
  });
  await remote.close();
});

it('streams text pieces that add up to the answer, and follows a JSON schema', async () => {
  const remote = await connectServedProvider(served.url);
  const pieces: string[] = [];
  const schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };
  const result = await remote.chat(question, {
    maxTokens: 40,
    temperature: 0,
    jsonSchema: schema,
    onText: (text) => pieces.push(text),
  });
  expect(pieces.length).toBeGreaterThan(1);
  expect(pieces.join('')).toBe(result.text);
  expect(JSON.parse(result.text)).toHaveProperty('n');
  await remote.close();
});

it('aborting the caller stops the generation in the serving process, and the next call works', async () => {
  const remote = await connectServedProvider(served.url);
  const controller = new AbortController();
  let pieces = 0;
  const error = await remote
    .chat([{ role: 'user', content: 'Write forever.' }], {
      maxTokens: 1500,
      temperature: 0,
      signal: controller.signal,
      onText: () => {
        if (++pieces === 3) controller.abort();
      },
    })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LlmAbortError);
  // The serving side's call ends with the abort, well short of 1500 tokens.
  await expect.poll(() => seen.at(-1)?.outcome, { timeout: 10_000 }).toBe('error');
  expect(seen.at(-1)?.error).toBeInstanceOf(LlmAbortError);
  expect(seen.at(-1)?.pieces).toBeLessThan(200);
  const after = await remote.chat(question, { maxTokens: 4, temperature: 0 });
  expect(after.completionTokens).toBeGreaterThan(0);
  await remote.close();
});

it('embeds like the model', async () => {
  const remote = await connectServedProvider(served.url);
  const texts = ['alpha', 'beta gamma'];
  expect(await remote.embed(texts)).toEqual(await model.embed(texts));
  await remote.close();
});

it('passes the serving side errors through with their code', async () => {
  const failing = await serveProvider({
    chat: () => Promise.reject(new LlmError('LLM_TEST_FAILURE', 'the model fell over')),
    embed: () => Promise.reject(new Error('no embeddings here')),
    info: () => model.info(),
    close: async () => {},
  });
  try {
    const remote = await connectServedProvider(failing.url);
    const error = await remote.chat(question).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ code: 'LLM_TEST_FAILURE', message: 'the model fell over' });
    await expect(remote.embed(['x'])).rejects.toMatchObject({
      code: 'LLM_SERVED_CALL_FAILED',
      message: 'no embeddings here',
    });
    await remote.close();
  } finally {
    await failing.close();
  }
});

it('resolveProvider picks the served model, and names what is missing', async () => {
  const resolved = await resolveProvider({ llm: 'served', servedUrl: served.url });
  expect(resolved.kind).toBe('served');
  expect(resolved.targetsApply).toBe(false);
  expect(resolved.reason).toContain(served.url);
  await resolved.provider.close();

  await expect(resolveProvider({ llm: 'served' })).rejects.toMatchObject({ code: 'LLM_SERVED_URL_MISSING' });
  const closed = await serveProvider(model);
  const url = closed.url;
  await closed.close();
  const error = await resolveProvider({ llm: 'served', servedUrl: url }).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'LLM_SERVED_UNREACHABLE' });
  expect((error as Error).message).toContain(url);
});
