import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { startOllamaTestServer } from '@kaizen-bench/testkit';
import { expect, test } from 'vitest';
import { createExecutionSuite } from '../src/index';

test('through the real ollama client over HTTP: each benchmark ok, unrated on a model that is not llama3.2:1b', async () => {
  const server = await startOllamaTestServer();
  try {
    const notices: string[] = [];
    const suite = createExecutionSuite({
      llm: { llm: 'ollama', ollamaHost: server.url, model: server.modelName },
      onNotice: (line) => notices.push(line),
    });
    const result = await runSuite(suite, { profile: 'quick', monitor: false });
    expect(notices).toEqual([
      `execution: Ollama at ${server.url} has ${server.modelName} (not Llama 3.2 1B: results unrated)`,
    ]);
    for (const r of result.benchmark_results) {
      expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
      const ok = r as OkBenchmarkResult;
      expect(ok.metadata).toMatchObject({ engine: 'ollama', model: server.modelName, targets_apply: false });
      expect(ok.rating).toBe('unrated');
      expect(ok.rating_reason).toMatch(/this ran on kaizen-bench-tiny:latest \(ollama\)/);
      expect(ok.metadata['floor_same_tokens']).toBe(true);
      expect(ok.overhead?.ratio_p50).toBeGreaterThan(0);
    }
    // Every model call went over HTTP, the agent's and the floor's: each arm's samples plus warmup and capture.
    const calls = server.requests.filter((q) => q.path === '/api/chat');
    expect(calls.every((q) => q.outcome === 'stop' || q.outcome === 'length')).toBe(true);
    const [single] = result.benchmark_results as OkBenchmarkResult[];
    expect(calls.length).toBeGreaterThan(2 * (single?.iterations ?? 0));
  } finally {
    await server.close();
  }
}, 300_000);

test('a server advertising llama3.2:1b gets rated results: the targets apply to that model only', async () => {
  const server = await startOllamaTestServer({ modelName: 'llama3.2:1b' });
  try {
    const suite = createExecutionSuite({ llm: { llm: 'ollama', ollamaHost: server.url } });
    const result = await runSuite(suite, { iterations: 1, warmup: 0, monitor: false });
    for (const r of result.benchmark_results) {
      expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
      const ok = r as OkBenchmarkResult;
      expect(ok.metadata['targets_apply']).toBe(true);
      expect(['excellent', 'good', 'needs_work']).toContain(ok.rating);
      expect(ok.rating_reason).toBeUndefined();
    }
  } finally {
    await server.close();
  }
}, 300_000);
