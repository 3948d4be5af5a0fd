import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, describe, expect, it } from 'vitest';
import { createTinyModelBytes, GGUF_MAGIC, serializeGguf } from '../src/index';

const dir = await mkdtemp(join(tmpdir(), 'kb-gguf-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('serializeGguf byte layout', () => {
  const bytes = serializeGguf({
    metadata: [
      ['general.architecture', { type: 'string', value: 'llama' }],
      ['test.count', { type: 'u32', value: 7 }],
      ['test.list', { type: 'array', itemType: 'string', values: ['a', 'bc'] }],
    ],
    tensors: [
      { name: 'a', dims: [3], data: new Float32Array([1, 2, 3]) },
      { name: 'b', dims: [2, 2], data: new Float32Array([4, 5, 6, 7]) },
    ],
  });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  it('starts with the GGUF magic, version 3 and the counts', () => {
    expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1')).toBe('GGUF');
    expect(view.getUint32(0, true)).toBe(GGUF_MAGIC);
    expect(view.getUint32(4, true)).toBe(3);
    expect(view.getBigUint64(8, true)).toBe(2n);
    expect(view.getBigUint64(16, true)).toBe(3n);
    // First key: u64 length then the bytes.
    expect(view.getBigUint64(24, true)).toBe(BigInt('general.architecture'.length));
  });

  it('places tensor data 32-byte aligned, each tensor padded to 32 bytes', () => {
    // 2 tensors of 12 and 16 bytes, each padded: data section = 32 + 32 bytes, starting at a multiple of 32.
    const dataStart = bytes.length - 64;
    expect(dataStart % 32).toBe(0);
    expect(view.getFloat32(dataStart, true)).toBe(1);
    expect(view.getFloat32(dataStart + 8, true)).toBe(3);
    expect(view.getFloat32(dataStart + 32, true)).toBe(4);
    expect(view.getFloat32(dataStart + 44, true)).toBe(7);
  });

  it('rejects a tensor whose data does not match its dims', () => {
    expect(() =>
      serializeGguf({ metadata: [], tensors: [{ name: 'x', dims: [2, 2], data: new Float32Array(3) }] }),
    ).toThrow(RangeError);
  });

  it('is read back by an independent GGUF parser (node-llama-cpp)', async () => {
    const path = join(dir, 'small.gguf');
    await writeFile(path, bytes);
    const info = await readGgufFileInfo(path, { logWarnings: false });
    expect(info.version).toBe(3);
    expect((info.metadata as unknown as { test: { count: number; list: string[] } }).test).toEqual({
      count: 7,
      list: ['a', 'bc'],
    });
    expect(info.tensorInfo?.map((t) => [t.name, t.dimensions.map(Number), Number(t.offset)])).toEqual([
      ['a', [3], 0],
      ['b', [2, 2], 32],
    ]);
  });

  it('writes the tiny llama model with the keys and tensor shapes llama.cpp expects', async () => {
    const path = join(dir, 'tiny.gguf');
    await writeFile(path, createTinyModelBytes({ seed: 1 }));
    const info = await readGgufFileInfo(path, { logWarnings: false });
    const md = info.metadata as unknown as {
      general: { architecture: string };
      llama: { embedding_length: number; block_count: number };
      tokenizer: { ggml: { model: string; tokens: string[] }; chat_template: string };
    };
    expect(md.general.architecture).toBe('llama');
    expect(md.llama.embedding_length).toBe(64);
    expect(md.llama.block_count).toBe(2);
    expect(md.tokenizer.ggml.model).toBe('llama');
    const tokens = md.tokenizer.ggml.tokens;
    expect(tokens).toContain('<0x00>');
    expect(tokens).toContain('<0xFF>');
    expect(tokens.length).toBeGreaterThan(300);
    expect(md.tokenizer.chat_template).toContain('<|im_start|>');
    const embd = info.tensorInfo?.find((t) => t.name === 'token_embd.weight');
    expect(embd?.dimensions.map(Number)).toEqual([64, tokens.length]);
    const down = info.tensorInfo?.find((t) => t.name === 'blk.0.ffn_down.weight');
    expect(down?.dimensions.map(Number)).toEqual([128, 64]);
    for (const t of info.tensorInfo ?? []) expect(Number(t.offset) % 32).toBe(0);
  });
});
