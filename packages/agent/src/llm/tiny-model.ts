import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPrng } from './_prng';
import { type GgufTensor, type GgufValue, serializeGguf } from './gguf-writer';

/** node:crypto, loaded on first use so importing the package stays cheap. */
function crypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}

/** Shape and seed of the generated tiny model. Every field changes the bytes and so the cache key. */
export interface TinyModelOptions {
  /**
   * Seed of the random weights.
   * @default 42
   */
  seed?: number;
  /** @default 2 */
  layers?: number;
  /** Hidden size. @default 64 */
  embeddingLength?: number;
  /** @default 128 */
  feedForwardLength?: number;
  /** @default 4 */
  headCount?: number;
  /** Key/value heads (grouped-query attention, as in Llama 3.2). @default 2 */
  headCountKv?: number;
  /** Context window, in tokens. @default 2048 */
  contextLength?: number;
}

/** {@link TinyModelOptions} with every default applied. */
export type ResolvedTinyModelOptions = Required<TinyModelOptions>;

/** Options of {@link ensureTinyModel}. */
export interface EnsureTinyModelOptions extends TinyModelOptions {
  /**
   * Cache directory for generated models.
   * @default join(os.tmpdir(), 'kaizen-bench-models')
   */
  cacheDir?: string;
}

/** Bumped whenever the generator changes its output, so stale cache entries are never reused. */
const TINY_MODEL_FORMAT = 1;

/** ChatML, which node-llama-cpp recognises and maps to its ChatML chat wrapper. */
export const TINY_MODEL_CHAT_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** The `general.name` prefix of every generated tiny model; used to recognise one. */
export const TINY_MODEL_NAME_PREFIX = 'kaizen-bench-tiny';

const WORDS = [
  'the',
  'and',
  'agent',
  'tool',
  'task',
  'memory',
  'model',
  'bench',
  'run',
  'call',
  'state',
  'plan',
  'step',
  'data',
  'file',
  'time',
  'user',
  'answer',
  'result',
  'value',
  'check',
  'save',
  'load',
  'token',
  'kaizen',
  'is',
  'of',
  'to',
  'in',
  'it',
  'for',
  'on',
  'with',
  'as',
  'at',
  'by',
  'this',
  'that',
  'yes',
  'no',
];

const TokenType = { NORMAL: 1, UNKNOWN: 2, CONTROL: 3, BYTE: 6 } as const;

interface Vocab {
  tokens: string[];
  scores: number[];
  types: number[];
}

/** A SentencePiece-style vocab: specials, 256 byte-fallback tokens, `▁`-prefixed pieces reachable by merges. */
function buildVocab(): Vocab {
  const tokens: string[] = [];
  const scores: number[] = [];
  const types: number[] = [];
  const add = (t: string, type: number, score: number) => {
    tokens.push(t);
    types.push(type);
    scores.push(score);
  };
  add('<unk>', TokenType.UNKNOWN, 0);
  add('<s>', TokenType.CONTROL, 0);
  add('</s>', TokenType.CONTROL, 0);
  add('<|im_start|>', TokenType.CONTROL, 0);
  add('<|im_end|>', TokenType.CONTROL, 0);
  for (let b = 0; b < 256; b++)
    add(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, TokenType.BYTE, 0);
  const pieces = new Set<string>(['▁']);
  for (let c = 0x21; c < 0x7f; c++) pieces.add(String.fromCharCode(c));
  for (let c = 0x61; c <= 0x7a; c++) pieces.add(`▁${String.fromCharCode(c)}`);
  // Every prefix of a word is a piece too, so SentencePiece's pairwise merges can reach the whole word.
  for (const word of WORDS) for (let i = 1; i <= word.length; i++) pieces.add(`▁${word.slice(0, i)}`);
  let rank = 0;
  for (const p of pieces) add(p, TokenType.NORMAL, -rank++);
  return { tokens, scores, types };
}

function resolveOptions(options: TinyModelOptions): ResolvedTinyModelOptions {
  return {
    seed: options.seed ?? 42,
    layers: options.layers ?? 2,
    embeddingLength: options.embeddingLength ?? 64,
    feedForwardLength: options.feedForwardLength ?? 128,
    headCount: options.headCount ?? 4,
    headCountKv: options.headCountKv ?? 2,
    contextLength: options.contextLength ?? 2048,
  };
}

/** Builds the metadata and random F32 tensors of the tiny llama model. */
function buildTinyModel(o: ResolvedTinyModelOptions) {
  const vocab = buildVocab();
  const V = vocab.tokens.length;
  const E = o.embeddingLength;
  const headDim = E / o.headCount;
  if (!Number.isInteger(headDim)) throw new RangeError('embeddingLength must be a multiple of headCount');
  const kvDim = headDim * o.headCountKv;
  const rand = createPrng(o.seed);
  // Uniform in [-a, a] has stddev a/sqrt(3); weights get ~1/sqrt(fan_in) so activations stay O(1).
  const uniform = (n: number, std: number) => {
    const a = std * Math.sqrt(3);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = (rand() * 2 - 1) * a;
    return out;
  };
  const ones = (n: number) => new Float32Array(n).fill(1);
  const tensors: GgufTensor[] = [];
  const t = (name: string, dims: number[], data: Float32Array) => tensors.push({ name, dims, data });

  t('token_embd.weight', [E, V], uniform(E * V, 1));
  for (let l = 0; l < o.layers; l++) {
    const p = `blk.${l}.`;
    t(`${p}attn_norm.weight`, [E], ones(E));
    t(`${p}attn_q.weight`, [E, E], uniform(E * E, 1 / Math.sqrt(E)));
    t(`${p}attn_k.weight`, [E, kvDim], uniform(E * kvDim, 1 / Math.sqrt(E)));
    t(`${p}attn_v.weight`, [E, kvDim], uniform(E * kvDim, 1 / Math.sqrt(E)));
    t(`${p}attn_output.weight`, [E, E], uniform(E * E, 1 / Math.sqrt(E)));
    t(`${p}ffn_norm.weight`, [E], ones(E));
    t(`${p}ffn_gate.weight`, [E, o.feedForwardLength], uniform(E * o.feedForwardLength, 1 / Math.sqrt(E)));
    t(`${p}ffn_up.weight`, [E, o.feedForwardLength], uniform(E * o.feedForwardLength, 1 / Math.sqrt(E)));
    t(
      `${p}ffn_down.weight`,
      [o.feedForwardLength, E],
      uniform(o.feedForwardLength * E, 1 / Math.sqrt(o.feedForwardLength)),
    );
  }
  t('output_norm.weight', [E], ones(E));
  const output = uniform(E * V, 0.4);
  // Zero output rows for special and byte tokens: generation then yields readable pieces and rarely stops
  // early, so a run produces the requested number of tokens (grammars can still force byte tokens).
  for (let id = 0; id < V; id++) {
    if (vocab.types[id] !== TokenType.NORMAL) output.fill(0, id * E, (id + 1) * E);
  }
  t('output.weight', [E, V], output);

  const u32 = (value: number): GgufValue => ({ type: 'u32', value });
  const metadata: Array<[string, GgufValue]> = [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: `${TINY_MODEL_NAME_PREFIX} (random weights, seed ${o.seed})` }],
    ['general.file_type', u32(0)],
    ['llama.context_length', u32(o.contextLength)],
    ['llama.embedding_length', u32(E)],
    ['llama.block_count', u32(o.layers)],
    ['llama.feed_forward_length', u32(o.feedForwardLength)],
    ['llama.attention.head_count', u32(o.headCount)],
    ['llama.attention.head_count_kv', u32(o.headCountKv)],
    ['llama.rope.dimension_count', u32(headDim)],
    ['llama.rope.freq_base', { type: 'f32', value: 10000 }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
    ['llama.vocab_size', u32(V)],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'array', itemType: 'string', values: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: 'array', itemType: 'f32', values: vocab.scores }],
    ['tokenizer.ggml.token_type', { type: 'array', itemType: 'i32', values: vocab.types }],
    ['tokenizer.ggml.bos_token_id', u32(1)],
    ['tokenizer.ggml.eos_token_id', u32(4)],
    ['tokenizer.ggml.unknown_token_id', u32(0)],
    ['tokenizer.ggml.padding_token_id', u32(2)],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
    ['tokenizer.chat_template', { type: 'string', value: TINY_MODEL_CHAT_TEMPLATE }],
  ];
  return { metadata, tensors, vocabSize: V };
}

/** Serialises the tiny model to GGUF bytes. Same options → identical bytes. */
export function createTinyModelBytes(options: TinyModelOptions = {}): Uint8Array {
  const { metadata, tensors } = buildTinyModel(resolveOptions(options));
  return serializeGguf({ metadata, tensors });
}

/** Vocabulary size of the tiny model (specials + 256 byte tokens + pieces). */
export function tinyModelVocabSize(): number {
  return buildVocab().tokens.length;
}

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}-${crypto().randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a reproducible random-weight llama model (GGUF v3, ~0.5 MB with the defaults) to `path`,
 * atomically (temp file + rename).
 */
export async function writeTinyModel(path: string, options: TinyModelOptions = {}): Promise<void> {
  await writeAtomically(path, createTinyModelBytes(options));
}

/** Cache key of a tiny model: a hash of its resolved options and the generator version. */
export function tinyModelCacheKey(options: TinyModelOptions = {}): string {
  const resolved = resolveOptions(options);
  const canonical = JSON.stringify({ format: TINY_MODEL_FORMAT, ...resolved });
  return crypto().createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/**
 * Returns the path of the tiny model for these options, generating it once into a content-addressed cache
 * (`<cacheDir>/<hash>.gguf`). Concurrent callers are safe: each writes a temp file and renames it into place.
 */
export async function ensureTinyModel(options: EnsureTinyModelOptions = {}): Promise<string> {
  const { cacheDir = join(tmpdir(), 'kaizen-bench-models'), ...modelOptions } = options;
  const path = join(cacheDir, `${tinyModelCacheKey(modelOptions)}.gguf`);
  let pending = inFlight.get(path);
  if (!pending) {
    pending = (async () => {
      try {
        if ((await stat(path)).size > 0) return path;
      } catch {
        // Not cached yet.
      }
      await writeTinyModel(path, modelOptions);
      return path;
    })().finally(() => inFlight.delete(path));
    inFlight.set(path, pending);
  }
  return pending;
}

/** Generations in progress in this process, so concurrent callers share one write. */
const inFlight = new Map<string, Promise<string>>();
