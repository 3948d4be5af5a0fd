import { expect, it } from 'vitest';
import { type AgentConfig, AgentConfigError, createAgent } from '../src/index';
import { ScriptedProvider } from './_scripted-provider';

const tool = {
  name: 'read_file',
  description: 'Reads a file.',
  parameters: { type: 'object', properties: { path: { type: 'string' } } },
  execute: () => 'content',
};

// [what is wrong, config, field named by the error, what the message says]
const cases: Array<[string, unknown, string, RegExp]> = [
  ['no config', undefined, '', /^Agent config must be an object, got undefined — /],
  ['no name', {}, 'name', /name must be a non-empty string, got undefined/],
  ['blank name', { name: '  ' }, 'name', /name must be a non-empty string, got " {2}"/],
  [
    'systemPrompt not text',
    { name: 'a', systemPrompt: 5 },
    'systemPrompt',
    /systemPrompt must be a string, got 5/,
  ],
  ['llm a string', { name: 'a', llm: 'ollama' }, 'llm', /llm must be an LlmProvider or a choice object/],
  [
    'llm mode unknown',
    { name: 'a', llm: { llm: 'gpt' } },
    'llm.llm',
    /must be 'auto', 'ollama', 'embedded' or 'served', got "gpt"/,
  ],
  ['threads 0', { name: 'a', llm: { llm: 'embedded', threads: 0 } }, 'llm.threads', /integer >= 1, got 0/],
  [
    'provider without close',
    { name: 'a', llm: { chat() {}, embed() {}, info() {} } },
    'llm.close',
    /is missing/,
  ],
  ['tools not an array', { name: 'a', tools: {} }, 'tools', /tools must be an array/],
  [
    'tool name with a space',
    { name: 'a', tools: [{ ...tool, name: 'read file' }] },
    'tools[0].name',
    /got "read file"/,
  ],
  [
    'duplicate tool names',
    { name: 'a', tools: [tool, tool] },
    'tools[1].name',
    /"read_file" is used by another tool/,
  ],
  [
    'no description',
    { name: 'a', tools: [{ ...tool, description: undefined }] },
    'tools[0].description',
    /must be a string/,
  ],
  [
    'parameters not an object schema',
    { name: 'a', tools: [{ ...tool, parameters: { type: 'string' } }] },
    'tools[0].parameters',
    /type "object"/,
  ],
  [
    'no execute',
    { name: 'a', tools: [{ ...tool, execute: 'run' }] },
    'tools[0].execute',
    /must be a function, got "run"/,
  ],
  [
    'negative timeout',
    { name: 'a', tools: [{ ...tool, timeoutMs: -1 }] },
    'tools[0].timeoutMs',
    /finite number > 0, got -1/,
  ],
  ['memory without recent', { name: 'a', memory: { append() {} } }, 'memory', /must be a ConversationMemory/],
  ['historyTurns negative', { name: 'a', historyTurns: -1 }, 'historyTurns', /integer >= 0, got -1/],
  ['checkpointDir empty', { name: 'a', checkpointDir: '' }, 'checkpointDir', /non-empty string, got ""/],
  ['maxSteps 0', { name: 'a', budget: { maxSteps: 0 } }, 'budget.maxSteps', /integer >= 1, got 0/],
  [
    'maxTokens fractional',
    { name: 'a', budget: { maxTokens: 1.5 } },
    'budget.maxTokens',
    /integer >= 1, got 1.5/,
  ],
  ['policy without check', { name: 'a', policy: {} }, 'policy', /must have a check\(call, context\) method/],
  [
    'temperature negative',
    { name: 'a', generation: { temperature: -1 } },
    'generation.temperature',
    /got -1/,
  ],
  [
    'seed not an integer',
    { name: 'a', generation: { seed: 'x' } },
    'generation.seed',
    /must be an integer, got "x"/,
  ],
];

it.each(cases)(
  '%s: AgentConfigError naming the field, on one line, with a fix',
  (_what, config, field, message) => {
    let error: unknown;
    try {
      createAgent(config as AgentConfig);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AgentConfigError);
    const { code, field: named, message: text } = error as AgentConfigError;
    expect(code).toBe('AGENT_INVALID_CONFIG');
    expect(named).toBe(field);
    expect(text).toMatch(message);
    expect(text.startsWith(`Agent config ${field}`)).toBe(true);
    expect(text).not.toContain('\n');
    expect(text).toMatch(/ — \S/); // the fix
  },
);

it('a good config is accepted as given, whether llm is a provider or a choice', () => {
  expect(createAgent({ name: 'a', llm: new ScriptedProvider([]), tools: [tool] }).name).toBe('a');
  expect(createAgent({ name: 'b', llm: { llm: 'auto', threads: 1 }, historyTurns: 0 }).name).toBe('b');
});
