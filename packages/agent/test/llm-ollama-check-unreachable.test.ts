import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { OllamaProvider } from '../src/index';

/** A port on 127.0.0.1 that nothing listens on: bind port 0, read it, close. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it('reports an unreachable server with the host and how to start it', async () => {
  const host = `http://127.0.0.1:${await closedPort()}`;
  const provider = new OllamaProvider({ host });
  const started = performance.now();
  const result = await provider.check();
  expect(result).toEqual({
    ok: false,
    problem: 'unreachable',
    message: `Ollama server not reachable at ${host} — start it with \`ollama serve\` or set OLLAMA_HOST`,
  });
  expect(performance.now() - started).toBeLessThan(3000);
  await expect(provider.assertReady()).rejects.toMatchObject({ code: 'LLM_OLLAMA_UNREACHABLE' });
});

it('takes the host from OLLAMA_HOST and defaults to llama3.2:1b', () => {
  const saved = process.env.OLLAMA_HOST;
  try {
    process.env.OLLAMA_HOST = 'http://127.0.0.1:12345';
    expect(new OllamaProvider().host).toBe('http://127.0.0.1:12345');
    delete process.env.OLLAMA_HOST;
    expect(new OllamaProvider().host).toBe('http://127.0.0.1:11434');
    expect(new OllamaProvider({ host: 'localhost:9999' }).host).toBe('http://localhost:9999');
    expect(new OllamaProvider().info()).toMatchObject({
      engine: 'ollama',
      model: 'llama3.2:1b',
      targetsApply: true,
    });
  } finally {
    if (saved === undefined) delete process.env.OLLAMA_HOST;
    else process.env.OLLAMA_HOST = saved;
  }
});
