/**
 * The seed of one benchmark's PRNG: the run's seed mixed with a hash of the benchmark id, so the same
 * run seed gives each benchmark its own reproducible stream. FNV-1a over the id, then a murmur3 finalizer.
 */
export function deriveBenchmarkSeed(runSeed: number, benchmarkId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < benchmarkId.length; i++) {
    h ^= benchmarkId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= runSeed >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
