import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedInitializationSuiteOptions } from '../options';
import { acquire, type Held, release } from './_lifecycle';

/** Warm Start: build another agent where the runtime is loaded and one agent already lives (DESIGN §9). */
export function createWarmStartBenchmark(options: ResolvedInitializationSuiteOptions): BenchmarkDefinition {
  let held: Held | undefined;
  let resident: unknown;
  let made: unknown;
  let built = 0;
  return {
    id: 'warm_start',
    name: 'Warm Start',
    description:
      'subject.create() in a process where the runtime is already imported and one agent built in setup stays ' +
      'alive: for the reference agent, createAgent(config) with config validation, three tools and an LLM ' +
      'choice, lazy parts untouched. Each new agent is disposed untimed after its iteration.',
    target: { excellentMs: 2, targetMs: 5 },
    iterations: 200,
    warmup: 20,
    async setup(ctx) {
      held = await acquire(ctx, options);
      resident = await held.subject.create();
      built = 0;
    },
    fn: () => {
      made = held!.subject.create();
      return made;
    },
    async afterEach() {
      const agent = await made;
      made = undefined;
      built++;
      await held!.subject.dispose(agent);
    },
    async teardown(ctx) {
      ctx.metadata['agents_built'] = built;
      try {
        if (held && resident !== undefined) await held.subject.dispose(resident);
      } finally {
        resident = undefined;
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
