import { seededRng as createRng } from './_rng';
import { expect, test } from 'vitest';
import { buildAgentState } from '../src/index';

test('the same seed builds the same ~100 KB state; another seed a different one', () => {
  const a = buildAgentState(createRng(42));
  expect(buildAgentState(createRng(42))).toEqual(a);
  expect(buildAgentState(createRng(43))).not.toEqual(a);
  const bytes = Buffer.byteLength(JSON.stringify(a));
  expect(bytes).toBeGreaterThan(80_000);
  expect(bytes).toBeLessThan(130_000);
});

test('the state has the requested sizes and the parts of a real agent state', () => {
  const state = buildAgentState(createRng(1), { messages: 40, memoryEntries: 7 });
  expect(state.schemaVersion).toBe(1);
  expect(state.conversation).toHaveLength(40);
  expect(state.memory).toHaveLength(7);
  expect(new Set(state.conversation.map((m) => m.role))).toEqual(
    new Set(['system', 'user', 'assistant', 'tool']),
  );
  const times = state.conversation.map((m) => m.timestamp);
  expect(times).toEqual([...times].sort((x, y) => x - y));
  expect(state.budget.usedTokens).toBeLessThanOrEqual(state.budget.maxTokens);
  expect(Object.keys(state.toolState).length).toBeGreaterThan(0);
  expect(new Set(state.memory.map((m) => m.id)).size).toBe(7);
});
