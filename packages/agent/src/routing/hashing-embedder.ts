import type { Embedder, SparseVector } from './embedder';
import { RoutingConfigError } from './errors';

/** Vector length of the hashing embedder: with ~10 routes of ~150 words, fewer buckets cost accuracy through collisions. */
export const DEFAULT_HASHING_DIMENSIONS = 16_384;
/** Share of the word features in the similarity (the rest: character trigrams). */
export const DEFAULT_HASHING_WORD_WEIGHT = 0.7;

/** Common English words left out of the features: they say nothing about which agent a task is for. */
export const ENGLISH_STOP_WORDS: readonly string[] = (
  'a about above after again against all am an and any are as at be because been before being below between ' +
  'both but by can could did do does doing down during each few for from further had has have having he her ' +
  'here hers herself him himself his how i if in into is it its itself just let me more most my myself no nor ' +
  'not now of off on once only or other our ours ourselves out over own please same she should so some such ' +
  'than that the their theirs them themselves then there these they this those through to too under until up ' +
  'us very was we were what when where which while who whom why will with would you your yours yourself ' +
  "yourselves i'd i'm it's can't don't won't"
).split(' ');

/** Options of {@link createHashingEmbedder}. */
export interface HashingEmbedderOptions {
  /** Vector length, a power of two between 64 and 1,048,576. @default 16384 */
  dimensions?: number;
  /** Share of the word features (unigrams and bigrams) in the similarity, in [0, 1]; the rest is character trigrams. @default 0.7 */
  wordWeight?: number;
  /** Words ignored; `[]` keeps every word. @default ENGLISH_STOP_WORDS */
  stopWords?: readonly string[];
}

/** The hashing embedder: an {@link Embedder} with its settings and a synchronous single-text form. */
export interface HashingEmbedder extends Embedder {
  readonly kind: 'lexical';
  readonly dimensions: number;
  /** The vector of one text, synchronously (what `embed` does for each text). */
  embedOne(text: string): number[];
  /** The same vector as its non-zero entries, synchronously (what `embedSparse` does for each text). */
  embedOneSparse(text: string): SparseVector;
  embedSparse(texts: string[]): Promise<SparseVector[]>;
}

/** 32-bit FNV-1a of the string's UTF-16 code units, then murmur3's finalizer so every bit is well mixed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lower-cased words of letters and digits, accents removed. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0);
}

function count(counts: Map<string, number>, feature: string): void {
  counts.set(feature, (counts.get(feature) ?? 0) + 1);
}

/**
 * The two feature blocks of a text, with their term frequencies: words (unigrams `w:` and bigrams `b:` of the
 * words left after stop words) and character trigrams (`c:`) of each such word padded with spaces.
 */
export function hashingFeatures(
  text: string,
  stopWords: ReadonlySet<string> = new Set(ENGLISH_STOP_WORDS),
): { words: Map<string, number>; chars: Map<string, number> } {
  const kept = tokenize(text).filter((word) => !stopWords.has(word));
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  for (let i = 0; i < kept.length; i++) {
    const word = kept[i] as string;
    count(words, `w:${word}`);
    if (i + 1 < kept.length) count(words, `b:${word} ${kept[i + 1]}`);
    const padded = ` ${word} `;
    for (let j = 0; j + 3 <= padded.length; j++) count(chars, `c:${padded.slice(j, j + 3)}`);
  }
  return { words, chars };
}

function blockNorm(block: Map<string, number>): number {
  let sum = 0;
  for (const tf of block.values()) sum += tf * tf;
  return Math.sqrt(sum);
}

/**
 * The default embedder of the semantic router, needing no model and no download: the hashing-vectorizer
 * technique. Word unigrams and bigrams and character trigrams are counted (TF), each block scaled to unit
 * length and weighted, hashed into `dimensions` buckets with a hash-derived sign (so collisions cancel out on
 * average), and the vector L2-normalized. It is **lexical, not neural**: texts are similar when they share
 * words or spellings, whatever they mean.
 */
export function createHashingEmbedder(options: HashingEmbedderOptions = {}): HashingEmbedder {
  const dimensions = options.dimensions ?? DEFAULT_HASHING_DIMENSIONS;
  if (
    !Number.isInteger(dimensions) ||
    dimensions < 64 ||
    dimensions > 1 << 20 ||
    (dimensions & (dimensions - 1)) !== 0
  ) {
    throw new RoutingConfigError(
      `Hashing embedder dimensions ${dimensions} is not a power of two in [64, 1048576]`,
      'pass e.g. 4096',
    );
  }
  const wordWeight = options.wordWeight ?? DEFAULT_HASHING_WORD_WEIGHT;
  if (!(wordWeight >= 0 && wordWeight <= 1)) {
    throw new RoutingConfigError(
      `Hashing embedder wordWeight ${wordWeight} is not in [0, 1]`,
      'pass e.g. 0.5',
    );
  }
  const stopWords = new Set(options.stopWords ?? ENGLISH_STOP_WORDS);
  const mask = dimensions - 1;
  const wordScale = Math.sqrt(wordWeight);
  const charScale = Math.sqrt(1 - wordWeight);

  const embedOneSparse = (text: string): SparseVector => {
    // Bucket -> value; collisions inside one text add up, as they do in the dense vector.
    const buckets = new Map<number, number>();
    const { words, chars } = hashingFeatures(text, stopWords);
    for (const [block, scale] of [
      [words, wordScale],
      [chars, charScale],
    ] as const) {
      const norm = blockNorm(block);
      if (norm === 0 || scale === 0) continue;
      for (const [feature, tf] of block) {
        const h = hash32(feature);
        const at = h & mask;
        buckets.set(at, (buckets.get(at) ?? 0) + (h >>> 31 === 1 ? -tf : tf) * (scale / norm));
      }
    }
    let sum = 0;
    for (const value of buckets.values()) sum += value * value;
    const inverse = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    const indices = new Int32Array(buckets.size);
    const values = new Float64Array(buckets.size);
    let k = 0;
    for (const [at, value] of buckets) {
      indices[k] = at;
      values[k++] = value * inverse;
    }
    return { dimensions, indices, values };
  };

  const embedOne = (text: string): number[] => {
    const out = new Array<number>(dimensions).fill(0);
    const { indices, values } = embedOneSparse(text);
    for (let k = 0; k < indices.length; k++) out[indices[k] as number] = values[k] as number;
    return out;
  };

  return {
    name: `feature-hashing (lexical, ${dimensions} dims)`,
    kind: 'lexical',
    dimensions,
    embedOne,
    embedOneSparse,
    embed: async (texts) => texts.map(embedOne),
    embedSparse: async (texts) => texts.map(embedOneSparse),
  };
}
