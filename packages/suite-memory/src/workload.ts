import type { MemoryTurn } from './subject';

/** The few PRNG operations the turn builder needs; the harness's `ctx.rng` fits. */
export interface TurnRng {
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
}

/** How much each benchmark stores and reads. */
export interface MemoryWorkload {
  /** Turns of the Hot Tier's session. @default 1000 */
  hotSessionTurns?: number;
  /** Turns Hot Tier reads. @default 100 */
  hotReadTurns?: number;
  /** Turns of the Warm Tier's session, all on disk. @default 10000 */
  warmSessionTurns?: number;
  /** Turns Warm Tier reads. @default 10 */
  warmReadTurns?: number;
  /** Turns of the session Cold Tier archives and restores. @default 1000 */
  coldSessionTurns?: number;
}

export const DEFAULT_WORKLOAD: Required<MemoryWorkload> = {
  hotSessionTurns: 1000,
  hotReadTurns: 100,
  warmSessionTurns: 10_000,
  warmReadTurns: 10,
  coldSessionTurns: 1000,
};

const WORDS = (
  'the a to of and in for on with is that this it be as at by from or an are was not we you can will ' +
  'agent tool call result file path read write search query user request task step plan memory context ' +
  'token budget model response error retry timeout check status update config value list item function ' +
  'test build deploy server client api endpoint json schema field type string number array object null ' +
  'data record table index cache session history message summary note fact source document page line ' +
  'please could should would need want try use make find show explain describe analyse return next then'
).split(' ');

function sentence(rng: TurnRng, minWords: number, maxWords: number): string {
  const n = rng.int(minWords, maxWords);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[rng.int(0, WORDS.length - 1)] as string);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * `count` turns of a conversation from a seeded PRNG: user questions (1-2 sentences) and assistant answers
 * (2-5 sentences), alternating, ~150 bytes per turn on average; each starts with its index, so a read that
 * returns the wrong turns is caught. The same seed gives the same turns.
 */
export function buildTurns(rng: TurnRng, count: number): MemoryTurn[] {
  const turns: MemoryTurn[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const user = i % 2 === 0;
    const parts: string[] = [];
    for (let s = rng.int(user ? 1 : 2, user ? 2 : 5); s > 0; s--) parts.push(sentence(rng, 6, 14));
    turns[i] = { role: user ? 'user' : 'assistant', content: `[${i}] ${parts.join(' ')}` };
  }
  return turns;
}
