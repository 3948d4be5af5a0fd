import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createAgentSubject, createExecutionSuite } from '../src/index';

test('with conversation memory switched off, the Multi-Turn memory check fails the benchmark', async () => {
  const suite = createExecutionSuite({ subject: () => createAgentSubject({ memory: false }) });
  const result = await runSuite(suite, { iterations: 1, warmup: 0, monitor: false });
  const [single, multi, long] = result.benchmark_results;
  expect(multi?.status).toBe('failed');
  const reason = multi?.status === 'failed' ? multi.reason : '';
  // Named: both earlier inputs (the answers too), and what to do.
  expect(reason).toMatch(/memory check: turn 3's prompt lacks turn 1's input "My name is Ada/);
  expect(reason).toMatch(/turn 2's input "Which city am I travelling to\?"/);
  expect(reason).toMatch(/did not carry the conversation into the prompt/);
  // The other two do not depend on memory.
  expect([single?.status, long?.status]).toEqual(['ok', 'ok']);
  expect((single as OkBenchmarkResult).metadata['subject_facts']).toMatchObject({ memory: false });
}, 120_000);

test('with memory on, turn 3 of the same conversation sees turns 1 and 2', async () => {
  const subject = createAgentSubject();
  try {
    await subject.prepare({
      kind: 'multi_turn',
      generation: { maxTokens: 12, temperature: 0, seed: 42 },
    });
    const signal = new AbortController().signal;
    const turns = [];
    for (const input of ['first', 'second', 'third']) {
      turns.push(await subject.run(input, { sessionId: 'conversation', signal }));
    }
    const prompt = turns[2]?.modelCalls[0]?.messages.map((m) => m.content) ?? [];
    expect(prompt).toEqual([expect.any(String), 'first', turns[0]?.text, 'second', turns[1]?.text, 'third']);
  } finally {
    await subject.close?.();
  }
}, 60_000);
