import { type AgentState, CHECKPOINT_SCHEMA_VERSION } from '../src/index';

/** A small but complete agent state whose content depends on `step`, for checkpoint tests. */
export function makeState(step: number, messages = 20): AgentState {
  return {
    schemaVersion: CHECKPOINT_SCHEMA_VERSION,
    conversation: Array.from({ length: messages }, (_, i) => ({
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      content: `Step ${step}, message ${i}: read the config file and summarise the build errors — ünïcödé ✓`,
      timestamp: 1_767_600_000_000 + step * 1000 + i,
    })),
    memory: Array.from({ length: 10 }, (_, i) => ({
      id: `mem_${i}`,
      content: `The user prefers terse answers (${step}/${i}).`,
      tags: ['preference', 'user'],
      importance: i / 10,
      createdAt: 1_767_500_000_000 + i,
    })),
    step,
    budget: {
      maxTokens: 128_000,
      usedTokens: step * 100,
      maxSteps: 500,
      maxCostUsd: 5,
      usedCostUsd: step * 0.001,
    },
    toolState: { read_file: { calls: step, lastPath: 'src/index.ts' }, http_get: null },
    metadata: { agentId: 'agent_test', nested: { list: [1, 'two', true, null] } },
  };
}
