import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AgentConfig,
  AgentConfigError,
  createAgent,
  ensureTinyModel,
  LlamaCppProvider,
} from '../src/index';
import { finalReply, ScriptedProvider, toolCallReply } from './_scripted-provider';
import { echoTool, makeAddTool } from './_tools';

let provider: LlamaCppProvider;
beforeAll(async () => {
  provider = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
});
afterAll(() => provider.close());

function noteTool(executed: unknown[]) {
  return {
    name: 'write_note',
    description: 'Writes a note.',
    parameters: { type: 'object' },
    execute: (args: unknown) => {
      executed.push(args);
      return { notes: executed.length };
    },
  };
}

it("toolChoice 'required': the reply schema has no final answer and the prompt says a tool must be called", async () => {
  const scripted = new ScriptedProvider([toolCallReply('echo', { text: 'hi' })]);
  const agent = createAgent({
    name: 'required',
    llm: scripted,
    tools: [echoTool],
    toolChoice: 'required',
    budget: { maxSteps: 1 },
  });
  const result = await agent.run('Say hi.');
  expect(result).toMatchObject({ stopReason: 'max_steps', steps: 1, text: '' });
  expect(result.toolCalls.map((c) => [c.tool, c.result])).toEqual([['echo', 'hi']]);
  const schema = result.lastChatOptions.jsonSchema as Record<string, unknown>;
  expect(schema).not.toHaveProperty('oneOf');
  expect(schema).toMatchObject({ properties: { type: { const: 'tool_call' }, tool: { enum: ['echo'] } } });
  expect(result.lastPrompt[0]?.content).toMatch(/You must call a tool\./);
  expect(result.lastPrompt[0]?.content).not.toMatch(/"type":"final"/);

  // The default still offers both branches.
  const auto = createAgent({
    name: 'auto',
    llm: new ScriptedProvider([finalReply('ok')]),
    tools: [echoTool],
  });
  const answered = await auto.run('Say hi.');
  expect(answered.text).toBe('ok');
  expect((answered.lastChatOptions.jsonSchema as { oneOf: unknown[] }).oneOf).toHaveLength(2);
});

it("the real tiny model calls a tool on every run with toolChoice 'required', where 'auto' lets it answer", async () => {
  const input = (step: number) => `Step ${step} of 5: choose the next action for the report.`;
  const runSteps = async (toolChoice: 'auto' | 'required') => {
    const executed: unknown[] = [];
    const { tool: add } = makeAddTool();
    const agent = createAgent({
      name: `steps-${toolChoice}`,
      llm: provider,
      tools: [noteTool(executed), add],
      toolChoice,
      budget: { maxSteps: 1 },
      generation: { maxTokens: 64, temperature: 0, seed: 42 },
    });
    const results = [];
    for (let step = 1; step <= 5; step++) results.push(await agent.run(input(step), { sessionId: 'task' }));
    await agent.close();
    return results;
  };
  const required = await runSteps('required');
  for (const result of required) {
    expect(result.steps).toBe(1);
    expect(result.stopReason).toBe('max_steps');
    expect(result.toolCalls).toHaveLength(1);
    const reply = JSON.parse(result.messages.at(-2)?.content ?? '') as { type: string };
    expect(reply.type).toBe('tool_call');
  }
  // Same model, same prompts, same seed: left free, it answers instead (or is cut off) and no tool runs.
  const auto = await runSteps('auto');
  expect(auto.flatMap((r) => r.toolCalls)).toHaveLength(0);
});

it("toolChoice must be 'auto' or 'required', and 'required' needs tools", () => {
  const attempt = (config: AgentConfig) => {
    try {
      createAgent(config);
    } catch (error) {
      return error as AgentConfigError;
    }
    return undefined;
  };
  const noTools = attempt({ name: 'a', toolChoice: 'required' });
  expect(noTools).toBeInstanceOf(AgentConfigError);
  expect(noTools?.field).toBe('toolChoice');
  expect(noTools?.message).toMatch(/is 'required' but the agent has no tools — add tools/);
  const bad = attempt({ name: 'a', tools: [echoTool], toolChoice: 'any' as never });
  expect(bad?.message).toMatch(/toolChoice must be 'auto' or 'required', got "any"/);
  expect(attempt({ name: 'a', tools: [echoTool], toolChoice: 'auto' })).toBeUndefined();
});
