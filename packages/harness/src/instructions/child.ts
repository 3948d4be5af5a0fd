// The child process of instruction counting, started as
//   valgrind --tool=callgrind --dump-before=getpriority ... node --single-threaded --predictable <this file> <spec>
// It re-creates the suite from its source, runs one benchmark's setup and warmup, then an empty phase and
// each measured call of `fn` between markers (see _protocol.ts), and writes a status file. Hooks run outside
// the markers, so they are not counted.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getPriority } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRng } from '@kaizen-bench/stats';
import { createContextState } from '../_context';
import { isThenable } from '../_guard';
import { describeError } from '../_measure';
import { deriveBenchmarkSeed } from '../_seed';
import type { BenchmarkContext, SuiteDefinition, SuiteSource } from '../types';
import { EMPTY_PHASES, expectedMarkers, type ProbeSpec, type ProbeStatus } from './_protocol';

const mark = (): void => {
  getPriority(0);
};

/** Measured: the same code path for the empty phase (a no-op) and for each call of `fn`. */
async function phase(fn: (ctx: BenchmarkContext) => unknown, ctx: BenchmarkContext): Promise<void> {
  mark();
  const value = fn(ctx);
  if (isThenable(value)) await value;
  mark();
}

const noop = (): void => {};

/** `gc({ type: 'minor' })` (a scavenge), as `--expose-gc` provides it. */
const collectYoung = (): void => {
  (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc?.({ type: 'minor' });
};

function moduleUrl(specifier: string): string {
  if (specifier.startsWith('file:')) return specifier;
  if (isAbsolute(specifier) || specifier.startsWith('.')) return pathToFileURL(resolve(specifier)).href;
  // A package name: resolved from the current directory, as the user's own code would.
  try {
    return pathToFileURL(createRequire(resolve('package.json')).resolve(specifier)).href;
  } catch {
    return specifier;
  }
}

async function loadSuite(source: SuiteSource): Promise<SuiteDefinition> {
  const mod = (await import(moduleUrl(source.module))) as Record<string, unknown>;
  const name = source.export ?? 'default';
  const exported = mod[name];
  if (exported === undefined) throw new Error(`${source.module} has no export '${name}'`);
  const suite = (
    typeof exported === 'function' ? await exported(source.argument) : exported
  ) as SuiteDefinition;
  if (!suite || typeof suite !== 'object' || !Array.isArray(suite.benchmarks)) {
    throw new Error(`export '${name}' of ${source.module} is not a suite nor a function returning one`);
  }
  return suite;
}

async function probe(spec: ProbeSpec): Promise<ProbeStatus> {
  let step = 'loading the suite';
  let done = 0;
  try {
    const suite = await loadSuite(spec.source);
    if (suite.id !== spec.suiteId) {
      return {
        status: 'failed',
        reason: `the suite source gives suite '${suite.id}', not '${spec.suiteId}': point it at the suite being run`,
      };
    }
    const def = suite.benchmarks.find((b) => b.id === spec.benchmarkId);
    if (!def) return { status: 'failed', reason: `the suite source has no benchmark '${spec.benchmarkId}'` };
    const rng = createRng(deriveBenchmarkSeed(spec.seed, def.id));
    const state = createContextState(def.id, spec.seed, rng, new AbortController().signal);
    const { ctx } = state;
    if (def.requires) {
      step = 'requires';
      const verdict = await def.requires(ctx);
      if (verdict !== true) return { status: 'skipped', reason: String(verdict) };
    }
    step = 'setup';
    await def.setup?.(ctx);
    try {
      for (let i = 0; i < spec.warmup; i++) {
        state.phase = 'warmup';
        state.iteration = i;
        step = `warmup iteration ${i}`;
        await def.beforeEach?.(ctx);
        const value = def.fn(ctx);
        if (isThenable(value)) await value;
        await def.afterEach?.(ctx);
      }
      if (spec.callgrindControl !== undefined) {
        step = 'switching instrumentation on';
        const switched = spawnSync(spec.callgrindControl, ['-i', 'on', String(process.pid)], {
          encoding: 'utf8',
        });
        if (switched.status !== 0) {
          const why =
            switched.error?.message ?? `${switched.stderr || switched.stdout}`.trim().split('\n').pop();
          return {
            status: 'failed',
            reason: `${spec.callgrindControl} -i on failed: ${why}`,
            switchFailed: true,
          };
        }
      }
      // A full collection first: each process enters the measured calls with an empty young generation, so
      // collections fall at the same points in each (startup allocates slightly differently per process).
      (globalThis as { gc?: () => void }).gc?.();
      state.phase = 'measure';
      step = 'the empty phases';
      // The first pass through the markers costs more (cold code, first feedback): the parent takes the cheapest.
      for (let i = 0; i < EMPTY_PHASES; i++) await phase(noop, ctx);
      const started = performance.now();
      for (; done < spec.iterations; done++) {
        // Counts are exact: past the minimum, a slow benchmark (an LLM call is seconds under valgrind) stops early.
        if (done >= spec.minIterations && performance.now() - started > spec.budgetMs) break;
        state.iteration = done;
        step = `measured iteration ${done}`;
        await def.beforeEach?.(ctx);
        // A young-generation collection just before the call, uncounted: garbage of earlier calls is not
        // collected inside this one at a point that moves with a few bytes of allocation (timings the agent
        // records differ per process in their digits). What this call allocates and collects itself counts.
        collectYoung();
        await phase(def.fn, ctx);
        await def.afterEach?.(ctx);
      }
    } finally {
      state.phase = 'teardown';
      await def.teardown?.(ctx);
    }
    return { status: 'ok', iterations: done, markers: expectedMarkers(done) };
  } catch (error) {
    return { status: 'failed', reason: `${step} threw: ${describeError(error)}` };
  }
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ProbeSpec;
  const status = await probe(spec);
  writeFileSync(spec.statusFile, JSON.stringify(status));
  // Servers or timers a teardown left behind must not keep the process (and valgrind) alive.
  process.exit(status.status === 'failed' ? 1 : 0);
}

void main();
