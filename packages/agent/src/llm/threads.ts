import { availableParallelism } from 'node:os';

/**
 * Default CPU threads for llama.cpp evaluation: 1 on machines with <= 2 cores (more threads spin-wait against
 * each other and generation collapses), else min(4, cores - 1) to leave a core for Node itself.
 */
export function defaultLlamaThreads(cores: number = availableParallelism()): number {
  return cores <= 2 ? 1 : Math.min(4, cores - 1);
}
