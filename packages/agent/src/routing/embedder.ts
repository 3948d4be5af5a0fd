/**
 * Turns texts into vectors whose cosine similarity says how alike the texts are. The semantic router embeds
 * capability descriptions once and each task as it comes.
 */
export interface Embedder {
  /** Shown in results and errors, e.g. `feature-hashing (lexical)` or `ollama nomic-embed-text`. */
  readonly name: string;
  /**
   * `lexical`: similarity of the words and spellings (no model, no meaning); `neural`: a learned model's
   * embedding (meaning, but only as good as the model: a random-weight model's vectors are noise).
   */
  readonly kind: 'lexical' | 'neural';
  /** One vector per text, all of the same length. */
  embed(texts: string[]): Promise<number[][]>;
  /**
   * Optional, for embedders whose vectors are mostly zeros (feature hashing): the same vectors as `embed`, as
   * their non-zero entries. A router then compares a task in time proportional to its non-zeros, not to the
   * vector length.
   */
  embedSparse?(texts: string[]): Promise<SparseVector[]>;
  /** Releases a model or client the embedder opened. */
  close?(): Promise<void>;
}

/** A vector given by its non-zero entries: `values[k]` is at index `indices[k]` of a `dimensions`-long vector. */
export interface SparseVector {
  dimensions: number;
  indices: Int32Array;
  values: Float64Array;
}
