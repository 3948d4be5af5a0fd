/**
 * Generic GGUF v3 serialisation: header, metadata key/values, tensor infos, aligned F32 tensor data.
 * Reference: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md (all integers little-endian).
 */

/** GGUF metadata value type codes (the `gguf_metadata_value_type` enum). */
export const GgufValueType = {
  U8: 0,
  I8: 1,
  U16: 2,
  I16: 3,
  U32: 4,
  I32: 5,
  F32: 6,
  BOOL: 7,
  STRING: 8,
  ARRAY: 9,
  U64: 10,
  I64: 11,
  F64: 12,
} as const;

/** A scalar metadata value tagged with its GGUF type. */
export type GgufScalar =
  | { type: 'u32' | 'i32' | 'f32' | 'u64'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string };

/** A metadata value: a scalar or a homogeneous array of scalars. */
export type GgufValue =
  | GgufScalar
  | { type: 'array'; itemType: 'u32' | 'i32' | 'f32'; values: ArrayLike<number> }
  | { type: 'array'; itemType: 'string'; values: readonly string[] };

/** One F32 tensor. `dims` are innermost first, as GGUF stores them (`token_embd.weight` is [embd, vocab]). */
export interface GgufTensor {
  name: string;
  dims: readonly number[];
  data: Float32Array;
}

/** Input of {@link serializeGguf}. */
export interface GgufFile {
  /** Metadata in the order it is written. */
  metadata: ReadonlyArray<readonly [key: string, value: GgufValue]>;
  tensors: readonly GgufTensor[];
  /**
   * Alignment of the data section and of every tensor in it, in bytes. Anything but 32 is also written
   * as `general.alignment`.
   * @default 32
   */
  alignment?: number;
}

/** The `GGUF` magic as a little-endian u32. */
export const GGUF_MAGIC = 0x46554747;
/** The format version this writer produces. */
export const GGUF_VERSION = 3;
/** The alignment readers assume when `general.alignment` is absent, in bytes. */
export const GGUF_DEFAULT_ALIGNMENT = 32;
const GGML_TYPE_F32 = 0;

const scalarCode = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, u64: 10 } as const;

/** Grows a buffer as values are appended; everything is little-endian. */
class ByteWriter {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }
  i32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  f32(v: number): void {
    this.reserve(4);
    this.view.setFloat32(this.length, v, true);
    this.length += 4;
  }
  u64(v: number): void {
    this.reserve(8);
    this.view.setBigUint64(this.length, BigInt(v), true);
    this.length += 8;
  }
  u8(v: number): void {
    this.reserve(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  string(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.bytes(b);
  }
  padTo(alignment: number): void {
    const pad = (alignment - (this.length % alignment)) % alignment;
    this.reserve(pad);
    this.buf.fill(0, this.length, this.length + pad);
    this.length += pad;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function writeScalar(w: ByteWriter, type: keyof typeof scalarCode, value: number | boolean | string): void {
  switch (type) {
    case 'u32':
      w.u32(value as number);
      return;
    case 'i32':
      w.i32(value as number);
      return;
    case 'f32':
      w.f32(value as number);
      return;
    case 'u64':
      w.u64(value as number);
      return;
    case 'bool':
      w.u8(value ? 1 : 0);
      return;
    case 'string':
      w.string(value as string);
      return;
  }
}

function writeValue(w: ByteWriter, v: GgufValue): void {
  if (v.type === 'array') {
    w.u32(GgufValueType.ARRAY);
    w.u32(scalarCode[v.itemType]);
    w.u64(v.values.length);
    for (let i = 0; i < v.values.length; i++) writeScalar(w, v.itemType, v.values[i] as number | string);
    return;
  }
  w.u32(scalarCode[v.type]);
  writeScalar(w, v.type, v.value);
}

function alignUp(n: number, alignment: number): number {
  return Math.ceil(n / alignment) * alignment;
}

/**
 * Serialises a GGUF v3 file. Deterministic: the same input always gives the same bytes.
 * @throws RangeError when a tensor's data length does not match its dims.
 */
export function serializeGguf(file: GgufFile): Uint8Array {
  const alignment = file.alignment ?? GGUF_DEFAULT_ALIGNMENT;
  const metadata: Array<readonly [string, GgufValue]> = [...file.metadata];
  if (alignment !== GGUF_DEFAULT_ALIGNMENT) {
    metadata.push(['general.alignment', { type: 'u32', value: alignment }]);
  }
  const w = new ByteWriter();
  w.u32(GGUF_MAGIC);
  w.u32(GGUF_VERSION);
  w.u64(file.tensors.length);
  w.u64(metadata.length);
  for (const [key, value] of metadata) {
    w.string(key);
    writeValue(w, value);
  }
  // Tensor offsets are relative to the start of the (aligned) data section.
  let offset = 0;
  const offsets: number[] = [];
  for (const t of file.tensors) {
    const elements = t.dims.reduce((a, b) => a * b, 1);
    if (elements !== t.data.length) {
      throw new RangeError(
        `Tensor ${t.name}: dims [${t.dims.join(', ')}] need ${elements} values, got ${t.data.length}`,
      );
    }
    offsets.push(offset);
    w.string(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(GGML_TYPE_F32);
    w.u64(offset);
    offset = alignUp(offset + t.data.byteLength, alignment);
  }
  w.padTo(alignment);
  for (const t of file.tensors) {
    const le = new Uint8Array(t.data.byteLength);
    const view = new DataView(le.buffer);
    for (let i = 0; i < t.data.length; i++) view.setFloat32(i * 4, t.data[i] as number, true);
    w.bytes(le);
    w.padTo(alignment);
  }
  return w.result();
}
