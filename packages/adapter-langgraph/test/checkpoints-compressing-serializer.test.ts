import { gunzipSync, gzipSync } from 'node:zlib';
import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { JsonPlusSerializer, type SerializerProtocol } from '@langchain/langgraph-checkpoint';
import { expect, it } from 'vitest';
import { createLanggraphCheckpointsSubject, createLanggraphCheckpointsSuite } from '../src/index';

/** What a LangGraph user would write to compress checkpoints: gzip around the default serializer. */
class GzipSerializer implements SerializerProtocol {
  readonly inner = new JsonPlusSerializer();
  async dumpsTyped(data: unknown): Promise<[string, Uint8Array]> {
    const [type, bytes] = await this.inner.dumpsTyped(data);
    return [type, gzipSync(bytes)];
  }
  async loadsTyped(type: string, data: Uint8Array | string): Promise<unknown> {
    return this.inner.loadsTyped(type, gunzipSync(data));
  }
}

it('runs Compression through a configured compressing serializer and says so', async () => {
  const compression = { serde: new GzipSerializer(), codec: 'gzip' };
  const result = await runSuite(createLanggraphCheckpointsSuite({ backend: 'sqlite', compression }), {
    profile: 'quick',
    monitor: false,
  });
  const bench = result.benchmark_results[2] as OkBenchmarkResult;
  expect(bench.id).toBe('checkpoint_compression');
  expect(bench.status, 'reason' in bench ? String(bench.reason) : '').toBe('ok');
  expect(bench.metadata['codec']).toBe('gzip');
  // The suite checked bytes < raw bytes; the ratio is gzip's on this JSON, well above 1.
  expect(bench.metadata['compression_ratio']).toBeGreaterThan(2);
  expect(bench.metadata['subject_facts']).toMatchObject({
    compression: { codec: 'gzip', serializer: 'GzipSerializer' },
  });
});

it('refuses save({ compress: true }) when no compressing serializer is configured', async () => {
  const subject = await createLanggraphCheckpointsSubject({ backend: 'memory' });
  try {
    expect(subject.unsupported?.compression).toMatch(/^LangGraph checkpointers have no compression option/);
    await expect(subject.load({ compress: false })).rejects.toThrow(
      'LangGraph MemorySaver: no checkpoint saved yet',
    );
    await expect(subject.save({} as never, { compress: true })).rejects.toThrow(/is not offered$/);
  } finally {
    await subject.close?.();
  }
});
