import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedCheckpointsSuiteOptions } from '../options';
import type { CheckpointSaveFacts } from '../subject';
import { type Held, type Obtained, obtain, prepare, release, sizeFacts } from './_lifecycle';
import { measureWriteAmplification } from './_write-amplification';
import { createRawFloor, RAW_WRITE_DESCRIPTION, type RawFloor } from './_raw-floor';

/** Save: a durable save of the agent state, compression off, retention on (DESIGN §9). */
export function createSaveBenchmark(options: ResolvedCheckpointsSuiteOptions): BenchmarkDefinition {
  let obtained: Obtained | undefined;
  let held: Held | undefined;
  let last: CheckpointSaveFacts | undefined;
  let saves = 0;
  let floor: RawFloor | undefined;
  let floorBytes = Buffer.alloc(0);
  const { messages, memoryEntries } = options.stateSize;
  return {
    id: 'checkpoint_save',
    name: 'Save',
    // Mostly waiting (fsync of every save): --measure instructions counts its CPU part only.
    costKind: 'waiting',
    description:
      `Times subject.save(state, { compress: false }) of a prebuilt agent state (${messages} messages, ` +
      `${memoryEntries} memory entries, budget, tool state); for the default CheckpointStore that is JSON ` +
      'serialize + SHA-256 + temp-file write + fsync + rename + directory fsync + retention (keep 10). ' +
      'Building the state is untimed. Untimed afterwards: bytes stored after the saves of a growing ' +
      'conversation on a fresh subject (metadata.write_amplification).',
    target: { excellentMs: 10, targetMs: 30 },
    iterations: 100,
    warmup: 10,
    async requires() {
      const got = await obtain(options, 'save');
      if ('reason' in got) return got.reason;
      obtained = got;
      return true;
    },
    async setup(ctx) {
      held = prepare(ctx, options, obtained!);
      last = undefined;
      saves = 0;
    },
    baseline: {
      name: 'raw durable write',
      description: `The same state's JSON bytes written with plain fs calls: ${RAW_WRITE_DESCRIPTION}; no serialize, checksum or retention.`,
      async setup(ctx) {
        floor = await createRawFloor();
        floorBytes = Buffer.from(JSON.stringify(held!.state));
        ctx.metadata['floor_bytes'] = floorBytes.length;
      },
      fn: () => floor!.write(floorBytes),
      async teardown() {
        await floor?.close();
        floor = undefined;
      },
    },
    async fn() {
      last = await held!.subject.save(held!.state, { compress: false });
      saves++;
    },
    async teardown(ctx) {
      try {
        if (last) Object.assign(ctx.metadata, sizeFacts(last));
        ctx.metadata['checkpoints_saved'] = saves;
        if (held && !ctx.signal.aborted) {
          ctx.metadata['write_amplification'] = await measureWriteAmplification(
            options,
            held.subject,
            held.state,
          ).catch((error: unknown) => ({ measured: false, reason: `failed: ${(error as Error).message}` }));
        }
      } finally {
        await release(ctx, obtained);
        obtained = undefined;
        held = undefined;
      }
    },
  };
}
