import { type ChatMessage, ensureTinyModel, LlamaCppProvider } from '@kaizen-bench/agent';
import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createExecutionSuite, type ExecutionSubject, type ModelCall } from '../src/index';

let provider: LlamaCppProvider;
beforeAll(async () => {
  provider = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
});
afterAll(() => provider.close());

/**
 * Another framework's adapter, as a user would write it: its own session memory (an array per session) around
 * the same model, no step-wise task.
 */
function minimalFramework() {
  const sessions = new Map<string, ChatMessage[]>();
  const replayed: ModelCall[] = [];
  const reported: ModelCall[] = [];
  let options = {};
  let closed = 0;
  const subject: ExecutionSubject = {
    name: 'minimal framework',
    async prepare(workload) {
      options = { ...workload.generation };
      await provider.load();
      return { engine: 'llama.cpp', model: 'kaizen-bench-tiny', targetsApply: false };
    },
    async run(input, { sessionId, signal }) {
      const history = sessions.get(sessionId) ?? [];
      const messages: ChatMessage[] = [
        { role: 'system', content: 'Be brief.' },
        ...history,
        { role: 'user', content: input },
      ];
      const reply = await provider.chat(messages, { ...options, signal });
      sessions.set(sessionId, [
        ...history,
        { role: 'user', content: input },
        { role: 'assistant', content: reply.text },
      ]);
      const call = { messages, options };
      reported.push(call);
      const usage = { promptTokens: reply.promptTokens, completionTokens: reply.completionTokens };
      return { text: reply.text, modelCalls: [call], usage };
    },
    async rawCall(call, { signal }) {
      replayed.push(call);
      return provider.chat(call.messages as ChatMessage[], { ...call.options, signal });
    },
    close: () => {
      closed++;
    },
  };
  return { subject, replayed, reported, closedCount: () => closed };
}

test('a framework adapter without runTask: Single-Shot and Multi-Turn ok, Long-Running skipped with the reason', async () => {
  const framework = minimalFramework();
  const suite = createExecutionSuite({ subject: framework.subject });
  expect(suite.metadata?.['subject']).toBe('minimal framework');
  const result = await runSuite(suite, { iterations: 3, warmup: 1, monitor: false });
  const [single, multi] = result.benchmark_results as OkBenchmarkResult[];
  const long = result.benchmark_results[2];
  expect([single?.status, multi?.status]).toEqual(['ok', 'ok']);
  expect(long?.status).toBe('skipped');
  expect(long?.status === 'skipped' && long.reason).toBe(
    'subject minimal framework has no runTask/listCheckpoints/loadCheckpoint (a step-wise task with durable checkpoints)',
  );
  expect(multi?.metadata['memory_check']).toBe('passed');
  expect(multi?.metadata['model_calls_per_sample']).toBe(3);
  // No llmMs reported: no split of the sample into model time and the rest.
  expect(single?.metadata).not.toHaveProperty('llm_ms_p50');
  expect(single?.metadata['floor_same_tokens']).toBe(true);
  // The floor replayed only calls the framework reported, object for object: the very prompts it sent.
  expect(framework.replayed.length).toBeGreaterThan(0);
  for (const call of framework.replayed) expect(framework.reported).toContain(call);
  // Passed directly, the subject is shared and never closed by the suite.
  expect(framework.closedCount()).toBe(0);
}, 120_000);
