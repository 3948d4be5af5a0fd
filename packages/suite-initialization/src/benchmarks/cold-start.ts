import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchmarkContext, BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedInitializationSuiteOptions } from '../options';
import type { ColdStartEntry } from '../subject';
import { type ColdStartSample, runColdStart } from './_cold-start-child';
import { acquire, type Held, medianMs, release } from './_lifecycle';

// The floor's entry: a module that imports nothing and builds an empty object.
const FLOOR_MODULE = 'export function createReadyAgent() {\n  return {};\n}\n';

/** Cold Start: a fresh Node process imports the runtime and builds a ready agent, timed by the child (DESIGN §9). */
export function createColdStartBenchmark(options: ResolvedInitializationSuiteOptions): BenchmarkDefinition {
  let held: Held | undefined;
  let floorDir: string | undefined;
  let floorEntry: ColdStartEntry | undefined;
  const subjectRuns: ColdStartSample[] = [];
  const floorRuns: ColdStartSample[] = [];

  const report = (ctx: BenchmarkContext, sample: ColdStartSample, into: ColdStartSample[]) => {
    if (sample.pid === process.pid) throw new Error('the cold-start child reported this process as its own');
    if (ctx.phase === 'measure') into.push(sample);
    ctx.reportDurationMs(sample.importConstructMs);
  };

  return {
    id: 'cold_start',
    name: 'Cold Start',
    description:
      "A fresh `node` process (no flags, no loader) imports the subject's built entry module and awaits its " +
      'export that builds a ready agent; the child times that span itself (first line of its code to agent ' +
      'returned) with process.hrtime.bigint() and reports it. Spawn-to-ready as seen by the parent is in metadata.',
    target: { excellentMs: 10, targetMs: 20 },
    iterations: 30,
    warmup: 2,
    allowBatching: false,
    // The parent only waits on the child.
    ioBound: true,
    timeBudgetMs: 60_000,
    async requires(ctx) {
      // Holds nothing past its own end: even abandoned by an abort, it releases what it acquired.
      const probe = await acquire(ctx, options);
      try {
        const { module } = probe.subject.coldStart;
        const path = module.startsWith('file:') ? fileURLToPath(module) : isAbsolute(module) ? module : null;
        if (path === null || existsSync(path)) return true;
        return `cold-start entry ${path} is missing: build it first (pnpm build)`;
      } finally {
        if (probe.owned) await probe.subject.close?.();
      }
    },
    async setup(ctx) {
      held = await acquire(ctx, options);
      subjectRuns.length = 0;
      floorRuns.length = 0;
      ctx.metadata['entry_module'] = held!.subject.coldStart.module;
      ctx.metadata['entry_export'] = held!.subject.coldStart.exportName;
      ctx.metadata['node'] = process.execPath;
    },
    fn: async (ctx) => report(ctx, await runColdStart(held!.subject.coldStart, ctx.signal), subjectRuns),
    baseline: {
      name: 'bare node process',
      description:
        'The same fresh `node` process and child code, importing a one-line module that imports nothing and ' +
        'returns {}: the floor of import + construct in a new process.',
      async setup() {
        floorDir = await mkdtemp(join(tmpdir(), 'kaizen-bench-cold-floor-'));
        const path = join(floorDir, 'floor-entry.mjs');
        await writeFile(path, FLOOR_MODULE);
        floorEntry = { module: pathToFileURL(path).href, exportName: 'createReadyAgent' };
      },
      fn: async (ctx) => report(ctx, await runColdStart(floorEntry!, ctx.signal), floorRuns),
      async teardown() {
        if (floorDir) await rm(floorDir, { recursive: true, force: true });
        floorDir = undefined;
      },
    },
    async teardown(ctx) {
      try {
        const of = (runs: ColdStartSample[], key: keyof ColdStartSample) => medianMs(runs.map((r) => r[key]));
        Object.assign(ctx.metadata, {
          import_ms_p50: of(subjectRuns, 'importMs'),
          construct_ms_p50: of(subjectRuns, 'constructMs'),
          spawn_to_ready_ms_p50: of(subjectRuns, 'spawnToReadyMs'),
          spawn_to_exit_ms_p50: of(subjectRuns, 'spawnToExitMs'),
          floor_spawn_to_ready_ms_p50: of(floorRuns, 'spawnToReadyMs'),
          // Each sample was its own process: as many distinct pids as samples, none of them ours.
          child_processes: new Set(subjectRuns.map((r) => r.pid)).size,
        });
      } finally {
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
