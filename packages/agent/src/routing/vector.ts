/** `vector` scaled to unit L2 length, as a new array; the zero vector stays zero. */
export function l2Normalize(vector: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(vector as ArrayLike<number>);
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += (out[i] as number) * (out[i] as number);
  if (sum === 0) return out;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * scale;
  return out;
}

/** Dot product of two vectors of the same length: their cosine similarity when both are unit length. */
export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** Cosine similarity of two vectors of the same length, in [-1, 1]; 0 when either is the zero vector. */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new RangeError(`cosineSimilarity: lengths differ (${a.length} vs ${b.length})`);
  return dot(l2Normalize(a), l2Normalize(b));
}
