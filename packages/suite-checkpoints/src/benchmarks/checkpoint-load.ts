import type { AgentState } from '@kaizen-bench/agent';
import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedCheckpointsSuiteOptions } from '../options';
import { assertSameState, type Held, type Obtained, obtain, prepare, release, sizeFacts } from './_lifecycle';
import { createRawFloor, RAW_READ_DESCRIPTION, type RawFloor } from './_raw-floor';

/** Load: read, validate and deserialize the newest checkpoint, saved once in setup (DESIGN §9). */
export function createLoadBenchmark(options: ResolvedCheckpointsSuiteOptions): BenchmarkDefinition {
  let obtained: Obtained | undefined;
  let held: Held | undefined;
  let lastLoaded: AgentState | undefined;
  let floor: RawFloor | undefined;
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
    baseline: {
      name: 'raw read',
      description: `The same state's JSON bytes, written once in setup, read back with plain fs calls: ${RAW_READ_DESCRIPTION}; no header or checksum check, no parse.`,
      async setup(ctx) {
        floor = await createRawFloor();
        const bytes = Buffer.from(JSON.stringify(held!.state));
        await floor.write(bytes);
        ctx.metadata['floor_bytes'] = bytes.length;
      },
      fn: () => floor!.read(),
      async teardown() {
        await floor?.close();
        floor = undefined;
      },
    },
    async requires() {
      const got = await obtain(options, 'load');
      if ('reason' in got) return got.reason;
      obtained = got;
      return true;
    },
    async setup(ctx) {
      held = prepare(ctx, options, obtained!);
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
        await release(ctx, obtained);
        obtained = undefined;
        held = undefined;
      }
    },
  };
}
