import { createServer } from 'node:net';
import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createExecutionSuite } from '../src/index';

/** A loopback port nothing listens on: a server is started there, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('Ollama down: it runs on the embedded tiny model, says so in one line, and each benchmark is ok next to its floor', async () => {
  const notices: string[] = [];
  const host = `http://127.0.0.1:${await closedPort()}`;
  const suite = createExecutionSuite({
    llm: { llm: 'auto', ollamaHost: host },
    onNotice: (line) => notices.push(line),
  });
  const result = await runSuite(suite, { profile: 'quick' });

  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatch(
    new RegExp(`^execution: Ollama server not reachable at ${host}.*tiny random-weight model`),
  );
  expect(notices[0]).not.toContain('\n');
  expect(result.suite_id).toBe('suite2_execution');
  const byId = Object.fromEntries(result.benchmark_results.map((r) => [r.id, r as OkBenchmarkResult]));
  expect(Object.keys(byId)).toEqual(['single_shot', 'multi_turn', 'long_running']);
  for (const r of result.benchmark_results) {
    expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
    const ok = r as OkBenchmarkResult;
    const meta = ok.metadata;
    expect(meta).toMatchObject({ engine: 'llama.cpp', model: 'kaizen-bench-tiny', targets_apply: false });
    expect(meta['llm_choice']).toBe(notices[0]?.replace(/^execution: /, ''));
    // Not Llama 3.2 1B: unrated with the reason, the overhead over the floor still reported.
    expect(ok.rating).toBe('unrated');
    expect(ok.rating_reason).toMatch(
      /targets assume llama3\.2:1b .* only the overhead over the raw call applies/,
    );
    expect(ok.baseline?.name).toBe('raw model call');
    expect(ok.baseline?.iterations).toBe(ok.iterations);
    expect(ok.overhead?.ratio_p50).toBeCloseTo(ok.latency_ms.p50 / (ok.baseline?.latency_ms.p50 ?? 0), 9);
    // Temperature 0 and a seed: the floor replayed the same prompts and generated the same tokens.
    expect(meta['prompts_stable']).toBe(true);
    expect(meta['floor_same_tokens']).toBe(true);
    expect(meta['floor_completion_tokens_per_sample']).toBe(meta['completion_tokens_per_sample']);
    expect(meta['completion_tokens_per_s_p50']).toBeGreaterThan(0);
    expect(meta['outside_llm_ms_p50']).toBeGreaterThanOrEqual(0);
    console.log(
      `${r.id}: p50 ${ok.latency_ms.p50.toFixed(2)} ms, floor ${ok.baseline?.latency_ms.p50.toFixed(2)} ms ` +
        `(x${ok.overhead?.ratio_p50.toFixed(3)}, ${ok.overhead?.diff_p50_ms.toFixed(2)} ms)`,
    );
  }
  const { single_shot: single, multi_turn: multi, long_running: long } = byId;
  expect(single?.metadata).toMatchObject({ model_calls_per_sample: 1, completion_tokens_per_sample: 50 });
  expect(single?.metadata['generation']).toEqual({ max_tokens: 50, temperature: 0, seed: 42 });
  expect(multi?.metadata).toMatchObject({ model_calls_per_sample: 3, turns: 3, memory_check: 'passed' });
  expect(long?.metadata).toMatchObject({
    model_calls_per_sample: 5,
    steps: 5,
    tool_calls_per_sample: 5,
    checkpoints_per_sample: 5,
    last_checkpoint_loaded: true,
  });
  expect(single?.target).toEqual({ excellentMs: 200, targetMs: 500 });
  expect(multi?.target).toEqual({ excellentMs: 400, targetMs: 800 });
  expect(long?.target).toEqual({ excellentMs: 2000, targetMs: 3000 });
}, 300_000);
