import type { AgentMessage, AgentState, MemoryEntry } from '@kaizen-bench/agent';
import { CHECKPOINT_SCHEMA_VERSION } from '@kaizen-bench/agent';

/** The few PRNG operations the state builder needs; the harness's `ctx.rng` fits. */
export interface StateRng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
}

/** How big a state to build. */
export interface AgentStateSize {
  /** Conversation history messages. @default 200 */
  messages?: number;
  /** Long-term memory entries. @default 200 */
  memoryEntries?: number;
}

export const DEFAULT_MESSAGES = 200;
export const DEFAULT_MEMORY_ENTRIES = 200;

// A fixed start time keeps the state a pure function of the seed (no Date.now()).
const START_MS = Date.UTC(2026, 0, 5, 9, 0, 0);

const WORDS = (
  'the a to of and in for on with is that this it be as at by from or an are was not we you can will ' +
  'agent tool call result file path read write search query user request task step plan memory context ' +
  'token budget model response error retry timeout check status update config value list item function ' +
  'test build deploy server client api endpoint json schema field type string number array object null ' +
  'data record table index cache session history message summary note fact source document page line ' +
  'code module package version dependency import export install run start stop open close save load ' +
  'checkpoint state resume interrupt signal abort permission approve deny policy rule scope limit cost ' +
  'latency throughput benchmark measure sample percentile report compare improve fix issue bug feature ' +
  'please could should would need want try use make find show explain describe analyse return next then'
).split(' ');
const TAGS = ['project', 'preference', 'fact', 'task', 'tool', 'error', 'user', 'plan', 'decision', 'code'];
const TOOLS = ['read_file', 'write_file', 'search_web', 'run_tests', 'http_get', 'sql_query'];

function pick<T>(rng: StateRng, items: readonly T[]): T {
  return items[rng.int(0, items.length - 1)] as T;
}

function sentence(rng: StateRng, minWords: number, maxWords: number): string {
  const n = rng.int(minWords, maxWords);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pick(rng, WORDS));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rng: StateRng, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(sentence(rng, 6, 16));
  return parts.join(' ');
}

function hex(rng: StateRng, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i++) out += rng.int(0, 15).toString(16);
  return out;
}

function toolResult(rng: StateRng, tool: string): string {
  const rows = Array.from({ length: rng.int(2, 5) }, () => ({
    id: hex(rng, 12),
    path: `src/${pick(rng, WORDS)}/${pick(rng, WORDS)}.ts`,
    score: Math.round(rng.next() * 1000) / 1000,
    line: rng.int(1, 2000),
  }));
  return JSON.stringify({ tool, ok: rng.next() > 0.1, durationMs: rng.int(1, 900), rows });
}

function buildMessage(rng: StateRng, index: number, timestamp: number): AgentMessage {
  if (index === 0) return { role: 'system', content: paragraph(rng, 4), timestamp };
  const kind = index % 4;
  if (kind === 1) return { role: 'user', content: paragraph(rng, rng.int(1, 3)), timestamp };
  if (kind === 3) {
    const tool = pick(rng, TOOLS);
    return {
      role: 'tool',
      name: tool,
      toolCallId: `call_${hex(rng, 16)}`,
      content: toolResult(rng, tool),
      timestamp,
    };
  }
  return { role: 'assistant', content: paragraph(rng, rng.int(2, 4)), timestamp };
}

function buildMemoryEntry(rng: StateRng, index: number, createdAt: number): MemoryEntry {
  const tagCount = rng.int(1, 3);
  const tags: string[] = [];
  for (let i = 0; i < tagCount; i++) tags.push(pick(rng, TAGS));
  return {
    id: `mem_${index.toString().padStart(5, '0')}_${hex(rng, 8)}`,
    content: paragraph(rng, rng.int(1, 2)),
    tags: [...new Set(tags)],
    importance: Math.round(rng.next() * 100) / 100,
    createdAt,
  };
}

/**
 * Builds a realistic agent state from a seeded PRNG: a conversation of system/user/assistant/tool messages,
 * memory entries, a budget, per-tool state and metadata. The same seed gives the same state. With the
 * default sizes the state is ~100 KB of JSON.
 */
export function buildAgentState(rng: StateRng, size: AgentStateSize = {}): AgentState {
  const messageCount = size.messages ?? DEFAULT_MESSAGES;
  const memoryCount = size.memoryEntries ?? DEFAULT_MEMORY_ENTRIES;
  let clock = START_MS;
  const conversation: AgentMessage[] = [];
  for (let i = 0; i < messageCount; i++) {
    clock += rng.int(200, 20_000);
    conversation.push(buildMessage(rng, i, clock));
  }
  const memory: MemoryEntry[] = [];
  for (let i = 0; i < memoryCount; i++)
    memory.push(buildMemoryEntry(rng, i, START_MS - rng.int(0, 30 * 86_400_000)));
  const toolState: AgentState['toolState'] = {};
  for (const tool of TOOLS) {
    toolState[tool] = { calls: rng.int(0, 40), failures: rng.int(0, 3), lastCallId: `call_${hex(rng, 16)}` };
  }
  const usedTokens = rng.int(10_000, 90_000);
  return {
    schemaVersion: CHECKPOINT_SCHEMA_VERSION,
    conversation,
    memory,
    step: Math.floor(messageCount / 4),
    budget: {
      maxTokens: 128_000,
      usedTokens,
      maxSteps: 500,
      maxCostUsd: 5,
      usedCostUsd: Math.round(usedTokens * 0.000_002 * 1e6) / 1e6,
    },
    toolState,
    metadata: {
      agentId: `agent_${hex(rng, 8)}`,
      model: 'llama3.2:1b',
      sessionId: hex(rng, 32),
      startedAt: START_MS,
    },
  };
}
