import type { BenchmarkDefinition, SuiteDefinition } from './types';

/** Identity helper: returns `def` unchanged, typed as a benchmark definition (for inference in plain objects). */
export function defineBenchmark<T extends BenchmarkDefinition>(def: T): T {
  return def;
}

/** Identity helper: returns `def` unchanged, typed as a suite definition. */
export function defineSuite<T extends SuiteDefinition>(def: T): T {
  return def;
}
