import { mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type CheckpointCodec, compress, decompress, isCheckpointCodec } from './codec';
import { syncDirectory, writeFileDurably } from './durable-write';
import {
  CheckpointCorruptError,
  CheckpointNotFoundError,
  CheckpointOptionsError,
  CheckpointSchemaVersionError,
} from './errors';
import { CheckpointFormatError, decodeCheckpoint, encodeHeader } from './format';
import { FILE_EXTENSION, formatId, idFromFileName, isTempFileName, parseId, tempFileName } from './ids';
import { type AgentState, CHECKPOINT_SCHEMA_VERSION } from './state';

/** Checkpoints kept by default. */
export const DEFAULT_KEEP = 10;

export interface CheckpointStoreOptions {
  /** Directory the checkpoints live in; created on the first save. One writing store per directory. */
  dir: string;
  /** Retention: keep the newest `keep` checkpoints, delete older ones after each save. @default 10 */
  keep?: number;
  /** Codec for saves that do not choose one. See `RECOMMENDED_CHECKPOINT_CODEC`. @default 'none' */
  compression?: CheckpointCodec;
}

export interface SaveOptions {
  /** Codec for this save only. @default the store's `compression` */
  compression?: CheckpointCodec;
}

export interface SaveResult {
  /** Sortable id: zero-padded sequence, then UTC timestamp (`000000000007-20260105T090000123Z`). */
  id: string;
  /** Absolute path of the checkpoint file. */
  path: string;
  /** Bytes on disk (header + payload). */
  bytes: number;
  /** Bytes of the uncompressed JSON state. */
  rawBytes: number;
  compressed: boolean;
  codec: CheckpointCodec;
}

export interface LoadOptions {
  /** Checkpoint to load. @default the newest */
  id?: string;
  /**
   * When the chosen checkpoint is corrupt or missing, load the newest older one that is good instead of
   * throwing. Off by default: silently resuming from older state must be asked for.
   * @default false
   */
  fallbackToPrevious?: boolean;
}

export interface LoadedCheckpoint {
  id: string;
  path: string;
  /** Bytes read from disk. */
  bytes: number;
  state: AgentState;
  /** Newer checkpoints passed over because they were corrupt or missing (only with `fallbackToPrevious`). */
  skipped: Array<{ id: string; error: CheckpointCorruptError | CheckpointNotFoundError }>;
}

export interface CheckpointInfo {
  id: string;
  path: string;
  sequence: number;
  createdAt: Date;
}

/** File-system work done by a store since it was created: lets callers check retention stays O(1). */
export interface CheckpointStoreStats {
  directoryListings: number;
  filesRead: number;
  filesWritten: number;
  filesDeleted: number;
}

function hasRequiredStateFields(state: Record<string, unknown>): boolean {
  return Array.isArray(state.conversation) && Array.isArray(state.memory) && typeof state.step === 'number';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Durable, checksummed, optionally compressed checkpoints of an agent's state in one directory.
 *
 * Saves are crash-safe (temp file + fsync + rename + directory fsync): a crash at any point leaves the
 * previous checkpoint loadable. Retention keeps the newest `keep` checkpoints; the directory is listed once
 * per store, after which a save touches only the new file and the overflow it deletes, so its cost does not
 * grow with the number of checkpoints.
 *
 * @example
 * const store = new CheckpointStore({ dir: '.checkpoints', keep: 5, compression: 'brotli' });
 * const { id } = await store.save(state);
 * const { state: resumed } = await store.load();
 */
export class CheckpointStore {
  readonly dir: string;
  readonly keep: number;
  readonly compression: CheckpointCodec;
  private readonly counters: CheckpointStoreStats = {
    directoryListings: 0,
    filesRead: 0,
    filesWritten: 0,
    filesDeleted: 0,
  };
  /** Known checkpoint ids, oldest first; built once from the directory listing. */
  private index: string[] | undefined;
  private indexing: Promise<string[]> | undefined;
  private staleTempFiles: string[] = [];
  private dirReady = false;
  /** Saves run one at a time so sequence numbers and retention stay consistent. */
  private saveQueue: Promise<unknown> = Promise.resolve();

  constructor(options: CheckpointStoreOptions) {
    if (!options || typeof options.dir !== 'string' || options.dir === '') {
      throw new CheckpointOptionsError('CheckpointStore needs a `dir`: pass { dir: "path/to/checkpoints" }.');
    }
    const keep = options.keep ?? DEFAULT_KEEP;
    if (!Number.isInteger(keep) || keep < 1) {
      throw new CheckpointOptionsError(`CheckpointStore: keep must be an integer >= 1, got ${String(keep)}.`);
    }
    const compression = options.compression ?? 'none';
    if (!isCheckpointCodec(compression)) {
      throw new CheckpointOptionsError(
        `CheckpointStore: unknown compression ${String(compression)}: use 'none', 'gzip' or 'brotli'.`,
      );
    }
    this.dir = resolve(options.dir);
    this.keep = keep;
    this.compression = compression;
  }

  /** A copy of the file-system counters. */
  get stats(): CheckpointStoreStats {
    return { ...this.counters };
  }

  /** Durably writes `state` as the newest checkpoint, then applies retention. */
  save(state: AgentState, options: SaveOptions = {}): Promise<SaveResult> {
    const run = this.saveQueue.then(() => this.saveNow(state, options));
    this.saveQueue = run.catch(() => {});
    return run;
  }

  /**
   * Reads, verifies (checksum, format, schema version) and deserializes a checkpoint: the newest by default,
   * or the one whose id is given.
   * @throws CheckpointCorruptError, CheckpointSchemaVersionError, CheckpointNotFoundError
   */
  async load(idOrOptions?: string | LoadOptions): Promise<LoadedCheckpoint> {
    const options: LoadOptions = typeof idOrOptions === 'string' ? { id: idOrOptions } : (idOrOptions ?? {});
    const index = await this.getIndex();
    let start = index.length - 1;
    if (options.id !== undefined) {
      start = index.lastIndexOf(options.id);
      if (start < 0) throw new CheckpointNotFoundError(this.dir, options.id);
    }
    if (start < 0) throw new CheckpointNotFoundError(this.dir);
    const skipped: LoadedCheckpoint['skipped'] = [];
    for (let i = start; i >= 0; i--) {
      const id = index[i] as string;
      try {
        return { ...(await this.readCheckpoint(id)), skipped };
      } catch (error) {
        const recoverable =
          error instanceof CheckpointCorruptError || error instanceof CheckpointNotFoundError;
        if (!options.fallbackToPrevious || !recoverable) throw error;
        skipped.push({ id, error });
      }
    }
    throw new CheckpointNotFoundError(
      this.dir,
      undefined,
      `all ${skipped.length} checkpoints are unreadable`,
    );
  }

  /** Known checkpoints, oldest first. Lists the directory only the first time. */
  async list(): Promise<CheckpointInfo[]> {
    const index = await this.getIndex();
    return index.map((id) => {
      const parsed = parseId(id)!;
      return { id, path: this.pathOf(id), sequence: parsed.sequence, createdAt: parsed.createdAt };
    });
  }

  /** Forgets the in-memory index so the next call lists the directory again (after another process wrote). */
  refresh(): void {
    this.index = undefined;
    this.indexing = undefined;
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}${FILE_EXTENSION}`);
  }

  private getIndex(): Promise<string[]> {
    if (this.index) return Promise.resolve(this.index);
    this.indexing ??= this.buildIndex();
    return this.indexing;
  }

  private async buildIndex(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
      this.dirReady = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      names = [];
    }
    this.counters.directoryListings++;
    const ids: string[] = [];
    const temps: string[] = [];
    for (const name of names) {
      const id = idFromFileName(name);
      if (id !== undefined) ids.push(id);
      else if (isTempFileName(name)) temps.push(name);
    }
    ids.sort();
    this.staleTempFiles = temps;
    this.index = ids;
    return ids;
  }

  private async ensureDir(): Promise<void> {
    if (this.dirReady) return;
    const created = await mkdir(this.dir, { recursive: true });
    // A directory we just created must itself be durable in its parent.
    if (created !== undefined) await syncDirectory(dirname(this.dir));
    this.dirReady = true;
  }

  private async saveNow(state: AgentState, options: SaveOptions): Promise<SaveResult> {
    const codec = options.compression ?? this.compression;
    if (!isCheckpointCodec(codec)) {
      throw new CheckpointOptionsError(
        `save: unknown compression ${String(codec)}: use 'none', 'gzip' or 'brotli'.`,
      );
    }
    if (!isPlainObject(state) || state.schemaVersion !== CHECKPOINT_SCHEMA_VERSION) {
      throw new CheckpointSchemaVersionError(
        '(state passed to save)',
        (state as AgentState)?.schemaVersion,
        CHECKPOINT_SCHEMA_VERSION,
      );
    }
    // Checked here too, so a malformed state fails at save instead of as a "corrupt" file at load.
    if (!hasRequiredStateFields(state)) {
      throw new CheckpointOptionsError(
        'save: state needs conversation (array), memory (array) and step (number): see the AgentState type.',
      );
    }
    const index = await this.getIndex();
    await this.ensureDir();
    // Temp files left by a writer that crashed mid-save: only a writing store removes them.
    for (const name of this.staleTempFiles.splice(0)) {
      await rm(join(this.dir, name), { force: true });
      this.counters.filesDeleted++;
    }

    const raw = Buffer.from(JSON.stringify(state), 'utf8');
    const payload = await compress(codec, raw);
    const header = encodeHeader(codec, payload, raw.length);
    const last = index.at(-1);
    const sequence = last === undefined ? 1 : parseId(last)!.sequence + 1;
    const id = formatId(sequence, new Date());
    const path = this.pathOf(id);
    await writeFileDurably(
      join(this.dir, tempFileName(id)),
      path,
      this.dir,
      Buffer.concat([header, payload]),
    );
    this.counters.filesWritten++;
    index.push(id);
    await this.applyRetention(index);
    return {
      id,
      path,
      bytes: header.length + payload.length,
      rawBytes: raw.length,
      compressed: codec !== 'none',
      codec,
    };
  }

  // Deletes only the overflow, oldest first, after the new checkpoint is durable: the newest is never at risk.
  private async applyRetention(index: string[]): Promise<void> {
    while (index.length > this.keep) {
      const id = index.shift() as string;
      try {
        await unlink(this.pathOf(id));
        this.counters.filesDeleted++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  private async readCheckpoint(id: string): Promise<Omit<LoadedCheckpoint, 'skipped'>> {
    const path = this.pathOf(id);
    let file: Buffer;
    try {
      file = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new CheckpointNotFoundError(this.dir, id, 'file deleted');
      }
      throw error;
    }
    this.counters.filesRead++;
    let state: unknown;
    try {
      const decoded = decodeCheckpoint(file);
      const raw = await decompress(decoded.codec, decoded.payload);
      if (raw.length !== decoded.rawBytes) {
        throw new CheckpointFormatError(`decoded ${raw.length} bytes, header says ${decoded.rawBytes}`);
      }
      state = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      const reason =
        error instanceof CheckpointFormatError ? error.message : `undecodable payload: ${String(error)}`;
      throw new CheckpointCorruptError(path, reason, { cause: error });
    }
    if (!isPlainObject(state)) throw new CheckpointCorruptError(path, 'payload is not an agent state object');
    if (state.schemaVersion !== CHECKPOINT_SCHEMA_VERSION) {
      throw new CheckpointSchemaVersionError(path, state.schemaVersion, CHECKPOINT_SCHEMA_VERSION);
    }
    if (!hasRequiredStateFields(state)) {
      throw new CheckpointCorruptError(path, 'payload is missing conversation, memory or step');
    }
    return { id, path, bytes: file.length, state: state as unknown as AgentState };
  }
}
