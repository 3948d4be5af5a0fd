import type { AgentState } from '@kaizen-bench/agent';
import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedCheckpointsSuiteOptions } from '../options';
import { acquire, assertSameState, type Held, release, sizeFacts } from './_lifecycle';

/** Load: read, validate and deserialize the newest checkpoint, saved once in setup (DESIGN §9). */
export function createLoadBenchmark(options: ResolvedCheckpointsSuiteOptions): BenchmarkDefinition {
  let held: Held | undefined;
  let lastLoaded: AgentState | undefined;
  const { messages, memoryEntries } = options.stateSize;
  return {
    id: 'checkpoint_load',
    name: 'Load',
    description:
      `Times subject.load({ compress: false }) of the newest checkpoint of an agent state (${messages} messages, ` +
      `${memoryEntries} memory entries) saved once in setup; for the default CheckpointStore that is file read + ` +
      'header and SHA-256 check + JSON parse + schema-version check. Loaded state is verified untimed.',
    target: { excellentMs: 10, targetMs: 20 },
    iterations: 100,
    warmup: 10,
    async setup(ctx) {
      held = await acquire(ctx, options);
      lastLoaded = undefined;
      const saved = await held.subject.save(held.state, { compress: false });
      Object.assign(ctx.metadata, sizeFacts(saved));
      assertSameState(await held.subject.load({ compress: false }), held.state, 'checkpoint_load setup');
    },
    async fn() {
      lastLoaded = await held!.subject.load({ compress: false });
    },
    async teardown(ctx) {
      try {
        // The last timed load must also have returned the saved state.
        if (lastLoaded !== undefined && held) assertSameState(lastLoaded, held.state, 'checkpoint_load');
      } finally {
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
