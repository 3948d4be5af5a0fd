import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedInitializationSuiteOptions } from '../options';
import type { LazyInitReport } from '../subject';
import { acquire, type Held, medianMs, release } from './_lifecycle';

/** Lazy Init: on a freshly built agent, the first use of its lazily initialized parts (DESIGN §9). */
export function createLazyInitBenchmark(options: ResolvedInitializationSuiteOptions): BenchmarkDefinition {
  let held: Held | undefined;
  let fresh: unknown;
  let report: LazyInitReport | undefined;
  const partTimes = new Map<string, number[]>();
  return {
    id: 'lazy_init',
    name: 'Lazy Init',
    description:
      'subject.initialize(agent) on an agent built untimed just before (construction is not in the span, ' +
      'unlike Cold Start, and nothing is imported afresh): for the reference agent, LLM provider resolved and ' +
      'ready (embedded model loaded, or Ollama client checked), tool argument validators compiled (ajv), ' +
      "memory opened, checkpoint store created. Each part's own time is in metadata.",
    target: { excellentMs: 1, targetMs: 3 },
    iterations: 30,
    // The first embedded-model load also loads the native binding (seconds): warmup absorbs it.
    warmup: 3,
    async setup(ctx) {
      held = await acquire(ctx, options);
      partTimes.clear();
    },
    async beforeEach() {
      fresh = await held!.subject.create();
    },
    fn: async () => {
      report = (await held!.subject.initialize(fresh)) ?? undefined;
    },
    async afterEach(ctx) {
      const agent = fresh;
      fresh = undefined;
      if (ctx.phase === 'measure') {
        for (const [part, ms] of Object.entries(report?.partsMs ?? {})) {
          const list = partTimes.get(part) ?? [];
          list.push(ms);
          partTimes.set(part, list);
        }
        if (report?.unratedReason) ctx.markUnrated(report.unratedReason);
      }
      await held!.subject.dispose(agent);
    },
    async teardown(ctx) {
      if (partTimes.size > 0) {
        ctx.metadata['parts_ms_p50'] = Object.fromEntries(
          [...partTimes].map(([part, times]) => [part, medianMs(times)]),
        );
      }
      try {
        if (held && fresh !== undefined) await held.subject.dispose(fresh);
      } finally {
        fresh = undefined;
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
