import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAgent, ensureTinyModel, LlamaCppProvider } from '../src/index';
import { echoTool, makeAddTool } from './_tools';

let provider: LlamaCppProvider;
beforeAll(async () => {
  provider = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
});
afterAll(() => provider.close());

const MAX_STEPS = 3;

function parse(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

it('forces the real model into the protocol schema and ends within maxSteps', async () => {
  const { tool: add } = makeAddTool();
  let parsedReplies = 0;
  for (const seed of [1, 2, 3]) {
    const agent = createAgent({
      name: 'tiny-tools',
      llm: provider,
      tools: [add, echoTool],
      budget: { maxSteps: MAX_STEPS },
      generation: { maxTokens: 300, temperature: 0.8, seed },
    });
    const result = await agent.run('Add 2 and 3.');
    const transcript = result.messages.slice(2); // after the system prompt and the question
    expect(transcript.filter((m) => m.role === 'assistant')).toHaveLength(result.steps);
    expect(result.steps).toBeLessThanOrEqual(MAX_STEPS);

    let last: Record<string, unknown> | undefined;
    transcript.forEach((message, i) => {
      if (message.role !== 'assistant') return;
      last = parse(message.content);
      if (!last) {
        // Grammar-forced JSON is only incomplete when the token limit cut it; the model is told so.
        expect(transcript[i + 1]?.content).toMatch(/^Your reply was cut off at the token limit/);
        return;
      }
      parsedReplies++;
      if (last.type === 'final') {
        expect(Object.keys(last).sort()).toEqual(['text', 'type']);
        expect(typeof last.text).toBe('string');
      } else {
        expect(last.type).toBe('tool_call');
        expect(['add', 'echo']).toContain(last.tool);
        expect(typeof last.arguments).toBe('object');
      }
    });
    if (last?.type === 'final') {
      expect(result).toMatchObject({ stopReason: 'final', text: last.text });
    } else {
      expect(result).toMatchObject({ stopReason: 'max_steps', steps: MAX_STEPS });
    }
    // Every tool call of the model is recorded; arguments failing the tool's schema are errors fed back.
    for (const call of result.toolCalls) {
      expect(['add', 'echo']).toContain(call.tool);
      if (call.error) expect(call.error.code).toBe('TOOL_INVALID_ARGUMENTS');
    }
    await agent.close();
  }
  expect(parsedReplies).toBeGreaterThan(0);
});
