import type { ResolveProviderOptions } from '../llm/resolve-provider';
import type { LlmProvider } from '../llm/types';
import {
  type AgentConfig,
  DEFAULT_HISTORY_TURNS,
  DEFAULT_MAX_STEPS,
  DEFAULT_SYSTEM_PROMPT,
  type ResolvedAgentConfig,
} from './config';
import { checkInteger, fail, isObject, show } from './_check';
import { type ConversationMemory, InProcessMemory } from './memory';
import { allowAllPolicy, type ToolPolicy } from './policy';
import { checkTools } from './validate-tools';

const LLM_MODES = ['auto', 'ollama', 'embedded', 'served'];

function isProvider(value: Record<string, unknown>): boolean {
  return typeof value.chat === 'function';
}

function checkProvider(value: Record<string, unknown>): LlmProvider {
  for (const method of ['chat', 'embed', 'info', 'close']) {
    if (typeof value[method] !== 'function') {
      fail(
        `llm.${method}`,
        'is missing',
        'pass an LlmProvider (chat, embed, info, close) or a choice like { llm: "embedded" }',
      );
    }
  }
  return value as unknown as LlmProvider;
}

function checkChoice(value: Record<string, unknown>): ResolveProviderOptions {
  if (value.llm !== undefined && !LLM_MODES.includes(value.llm as string)) {
    fail(
      'llm.llm',
      `must be 'auto', 'ollama', 'embedded' or 'served', got ${show(value.llm)}`,
      "pick one, e.g. { llm: 'embedded' }",
    );
  }
  for (const key of ['ollamaHost', 'model', 'modelFile', 'servedUrl'] as const) {
    if (value[key] !== undefined && (typeof value[key] !== 'string' || value[key] === '')) {
      fail(`llm.${key}`, `must be a non-empty string, got ${show(value[key])}`, `set it or leave ${key} out`);
    }
  }
  if (value.llm === 'served' && value.servedUrl === undefined) {
    fail(
      'llm.servedUrl',
      "is required with llm: 'served'",
      'pass the URL serveProvider() gave the serving process',
    );
  }
  checkInteger(
    'llm.threads',
    value.threads,
    1,
    'pass a thread count like 1, or leave it out for the default',
  );
  if (value.tinyModel !== undefined && !isObject(value.tinyModel)) {
    fail(
      'llm.tinyModel',
      `must be an object, got ${show(value.tinyModel)}`,
      'pass e.g. { seed: 42 } or leave it out',
    );
  }
  return value as ResolveProviderOptions;
}

function checkMemory(value: unknown): ResolvedAgentConfig['memory'] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'function') return { factory: value as () => ConversationMemory };
  if (!isObject(value) || typeof value.append !== 'function' || typeof value.recent !== 'function') {
    fail(
      'memory',
      `must be a ConversationMemory (append, recent) or a function returning one, got ${show(value)}`,
      'pass e.g. new InProcessMemory() or leave it out',
    );
  }
  return { instance: value as unknown as ConversationMemory };
}

function checkGeneration(value: unknown): ResolvedAgentConfig['generation'] {
  if (value === undefined) return {};
  if (!isObject(value)) {
    fail(
      'generation',
      `must be an object, got ${show(value)}`,
      'pass e.g. { maxTokens: 256, temperature: 0 }',
    );
  }
  checkInteger('generation.maxTokens', value.maxTokens, 1, 'pass a token count like 256, or leave it out');
  const { temperature, seed } = value;
  if (
    temperature !== undefined &&
    (typeof temperature !== 'number' || !Number.isFinite(temperature) || temperature < 0)
  ) {
    fail(
      'generation.temperature',
      `must be a finite number >= 0, got ${show(temperature)}`,
      'pass e.g. 0 (greedy) or 0.8',
    );
  }
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed))) {
    fail('generation.seed', `must be an integer, got ${show(seed)}`, 'pass e.g. 42, or leave it out');
  }
  return { ...value } as ResolvedAgentConfig['generation'];
}

/**
 * Checks an {@link AgentConfig} synchronously and applies the defaults.
 * @throws AgentConfigError naming the first bad field and how to fix it.
 */
export function validateAgentConfig(config: AgentConfig): ResolvedAgentConfig {
  if (!isObject(config)) {
    fail('', `must be an object, got ${show(config)}`, "pass createAgent({ name: 'my-agent' })");
  }
  const c = config as unknown as Record<string, unknown>;
  if (typeof c.name !== 'string' || c.name.trim() === '') {
    fail(
      'name',
      `must be a non-empty string, got ${show(c.name)}`,
      "pass e.g. createAgent({ name: 'my-agent' })",
    );
  }
  if (c.systemPrompt !== undefined && typeof c.systemPrompt !== 'string') {
    fail(
      'systemPrompt',
      `must be a string, got ${show(c.systemPrompt)}`,
      'pass the instructions as text, or leave it out',
    );
  }
  let llm: ResolvedAgentConfig['llm'] = { choice: { llm: 'embedded' } };
  if (c.llm !== undefined) {
    if (!isObject(c.llm)) {
      fail(
        'llm',
        `must be an LlmProvider or a choice object, got ${show(c.llm)}`,
        "pass e.g. { llm: 'embedded' } or an OllamaProvider",
      );
    }
    llm = isProvider(c.llm) ? { provider: checkProvider(c.llm) } : { choice: { ...checkChoice(c.llm) } };
  }
  const tools = checkTools(c.tools);
  const memory = checkMemory(c.memory) ?? { factory: () => new InProcessMemory() };
  checkInteger(
    'historyTurns',
    c.historyTurns,
    0,
    'pass how many recent turns to put into the prompt, e.g. 20',
  );
  if (c.checkpointDir !== undefined && (typeof c.checkpointDir !== 'string' || c.checkpointDir === '')) {
    fail(
      'checkpointDir',
      `must be a non-empty string, got ${show(c.checkpointDir)}`,
      'pass a directory path, or leave it out',
    );
  }
  const budget = c.budget;
  if (budget !== undefined && !isObject(budget)) {
    fail('budget', `must be an object, got ${show(budget)}`, 'pass e.g. { maxSteps: 8, maxTokens: 4000 }');
  }
  checkInteger('budget.maxSteps', budget?.maxSteps, 1, 'allow at least one model call, e.g. 8');
  checkInteger('budget.maxTokens', budget?.maxTokens, 1, 'pass a token count like 4000, or leave it out');
  if (c.policy !== undefined && (!isObject(c.policy) || typeof c.policy.check !== 'function')) {
    fail(
      'policy',
      `must have a check(call, context) method, got ${show(c.policy)}`,
      'pass { check: () => ({ allow: true }) } or leave it out',
    );
  }
  if (c.toolChoice !== undefined && c.toolChoice !== 'auto' && c.toolChoice !== 'required') {
    fail(
      'toolChoice',
      `must be 'auto' or 'required', got ${show(c.toolChoice)}`,
      'pick one, or leave it out',
    );
  }
  if (c.toolChoice === 'required' && tools.length === 0) {
    fail('toolChoice', "is 'required' but the agent has no tools", 'add tools, or leave toolChoice out');
  }
  return {
    name: c.name as string,
    systemPrompt: (c.systemPrompt as string | undefined) ?? DEFAULT_SYSTEM_PROMPT,
    llm,
    tools,
    memory,
    historyTurns: (c.historyTurns as number | undefined) ?? DEFAULT_HISTORY_TURNS,
    checkpointDir: c.checkpointDir as string | undefined,
    budget: {
      maxSteps: (budget?.maxSteps as number | undefined) ?? DEFAULT_MAX_STEPS,
      maxTokens: budget?.maxTokens as number | undefined,
    },
    policy: (c.policy as ToolPolicy | undefined) ?? allowAllPolicy,
    generation: checkGeneration(c.generation),
    toolChoice: (c.toolChoice as 'auto' | 'required' | undefined) ?? 'auto',
  };
}
