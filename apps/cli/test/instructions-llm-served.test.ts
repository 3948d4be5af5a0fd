// `run --measure instructions` of an LLM suite: the embedded model is held by the CLI process and served to
// the counted child processes over loopback HTTP (llmForInstructions), with the real tiny model.
import { resolveProvider } from '@kaizen-bench/agent';
import { startOllamaTestServer } from '@kaizen-bench/testkit';
import { expect, test } from 'vitest';
import { instructionsOptionsFor, llmForInstructions } from '../src/commands/run-instructions';
import { processIo } from '../src/io';

test('an embedded model is served from this process; the children get its URL and the counts a note', async () => {
  const served = await llmForInstructions({ llm: 'embedded' });
  try {
    expect(served.llm).toEqual({
      llm: 'served',
      servedUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(served.note).toMatch(/kaizen-bench-tiny.*served to the counted process.*not the model's/);

    // What a child process does with it: the same model, answering over HTTP.
    const child = await resolveProvider(served.llm);
    expect(child.kind).toBe('served');
    const answer = await child.provider.chat([{ role: 'user', content: 'Hi' }], {
      maxTokens: 8,
      temperature: 0,
    });
    expect(answer.completionTokens).toBeGreaterThan(0);
    expect(child.provider.info()).toMatchObject({
      engine: 'llama.cpp',
      model: 'kaizen-bench-tiny',
      servedUrl: served.llm.servedUrl,
    });
    await child.provider.close();

    // The harness options carry the served LLM in the child's factory options, and the note.
    const options = instructionsOptionsFor(
      { id: 'suite2_execution' },
      { llm: { llm: 'embedded' } },
      processIo,
      served,
    );
    expect(options.note).toBe(served.note);
    expect(options.source.argument).toMatchObject({
      suiteId: 'suite2_execution',
      factoryOptions: { llm: served.llm },
    });
  } finally {
    await served.close();
  }
  // Closed: nothing serves there any more.
  await expect(resolveProvider(served.llm)).rejects.toMatchObject({ code: 'LLM_SERVED_UNREACHABLE' });
});

test('an Ollama model already runs in its own server: passed through, with a note saying where', async () => {
  const ollama = await startOllamaTestServer();
  try {
    const choice = { llm: 'ollama' as const, ollamaHost: ollama.url, model: ollama.modelName };
    const passed = await llmForInstructions(choice);
    expect(passed.llm).toEqual(choice);
    expect(passed.note).toContain(`ran in another process (${ollama.url})`);
    await passed.close();
    // Only the availability check reached the server; nothing was served from here.
    expect(ollama.requests).toEqual([]);
  } finally {
    await ollama.close();
  }
});
