import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTinyModelBytes, ensureTinyModel, tinyModelCacheKey, writeTinyModel } from '../src/index';

const dir = await mkdtemp(join(tmpdir(), 'kb-tiny-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('tiny model generation', () => {
  it('gives identical bytes for the same seed and different bytes for another seed', async () => {
    await writeTinyModel(join(dir, 'a.gguf'), { seed: 7 });
    await writeTinyModel(join(dir, 'b.gguf'), { seed: 7 });
    await writeTinyModel(join(dir, 'c.gguf'), { seed: 8 });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => readFile(join(dir, `${n}.gguf`))));
    expect(sha(a!)).toBe(sha(b!));
    expect(sha(a!)).not.toBe(sha(c!));
    // Same header and vocab, different weights: same length.
    expect(a!.length).toBe(c!.length);
  });

  it('is about half a megabyte', () => {
    const size = createTinyModelBytes().length;
    expect(size).toBeGreaterThan(300_000);
    expect(size).toBeLessThan(1_000_000);
  });

  it('caches content-addressed by its parameters, atomically, and reuses the file', async () => {
    const cacheDir = join(dir, 'cache');
    const [p1, p2] = await Promise.all([
      ensureTinyModel({ seed: 3, cacheDir }),
      ensureTinyModel({ seed: 3, cacheDir }),
    ]);
    expect(p1).toBe(p2);
    expect(p1).toBe(join(cacheDir, `${tinyModelCacheKey({ seed: 3 })}.gguf`));
    expect(sha(await readFile(p1))).toBe(sha(createTinyModelBytes({ seed: 3 })));
    const p3 = await ensureTinyModel({ seed: 4, cacheDir });
    expect(p3).not.toBe(p1);
    expect(tinyModelCacheKey({ seed: 3, layers: 3 })).not.toBe(tinyModelCacheKey({ seed: 3 }));
    // No temp files left behind.
    expect((await readdir(cacheDir)).sort()).toEqual(
      [p1, p3].map((p) => p.slice(cacheDir.length + 1)).sort(),
    );
  });
});
