import { type AgentConfig, defineTool, type LlmChoice } from '@kaizen-bench/agent';

/** Options of the reference agent every Initialization benchmark builds (JSON, so a child process gets them). */
export interface ReferenceAgentOptions {
  /** How the agent picks its LLM on first use. @default { llm: 'embedded' } (the generated tiny model) */
  llm?: LlmChoice;
  /** Directory of the agent's checkpoint store (created on first use only). */
  checkpointDir?: string;
}

const addNumbers = defineTool<{ a: number; b: number }>({
  name: 'add_numbers',
  description: 'Adds two numbers and returns the sum.',
  parameters: {
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
    required: ['a', 'b'],
    additionalProperties: false,
  },
  execute: ({ a, b }) => ({ sum: a + b }),
});

const countWords = defineTool<{ text: string }>({
  name: 'count_words',
  description: 'Counts the words of a text.',
  parameters: {
    type: 'object',
    properties: { text: { type: 'string', maxLength: 10_000 } },
    required: ['text'],
    additionalProperties: false,
  },
  execute: ({ text }) => ({ words: text.split(/\s+/).filter(Boolean).length }),
});

const lookupUnit = defineTool<{ unit: 'ms' | 's' | 'min'; value: number }>({
  name: 'to_milliseconds',
  description: 'Converts a duration to milliseconds.',
  parameters: {
    type: 'object',
    properties: { unit: { enum: ['ms', 's', 'min'] }, value: { type: 'number', minimum: 0 } },
    required: ['unit', 'value'],
    additionalProperties: false,
  },
  execute: ({ unit, value }) => ({ ms: value * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000) }),
});

/** The reference agent's config: a system prompt, three tools with JSON Schemas, an LLM choice, a checkpoint dir. */
export function referenceAgentConfig(options: ReferenceAgentOptions = {}): AgentConfig {
  return {
    name: 'kaizen-bench-reference',
    systemPrompt:
      'You are a precise assistant. Use a tool when it gives an exact answer; otherwise answer briefly.',
    llm: { llm: 'embedded', ...options.llm },
    tools: [addNumbers, countWords, lookupUnit],
    ...(options.checkpointDir ? { checkpointDir: options.checkpointDir } : {}),
    budget: { maxSteps: 4 },
    generation: { maxTokens: 64, temperature: 0, seed: 42 },
  };
}
