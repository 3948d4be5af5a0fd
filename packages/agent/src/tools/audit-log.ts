import { type FileHandle, mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DangerLevel } from './danger';
import { AuditLogError } from './errors';
import type { PermissionEffect } from './permission-rules';

/** What happened to a call. */
export type AuditOutcome = 'allowed' | 'denied';

/** One decision about one tool call: who decided what, and why. */
export interface AuditEntry {
  sessionId: string;
  tool: string;
  /** The call's arguments; a log may shorten large ones (see `maxArgsChars`). */
  args: unknown;
  danger: DangerLevel | null;
  /** What the policy said. */
  effect: PermissionEffect;
  /** What happened: for `ask`, the approver's verdict. */
  outcome: AuditOutcome;
  /** The rule that decided, or null (no rule matched, unknown tool). */
  rule: string | null;
  reason: string;
  /** Who decided: `policy`, or `approver:<who>` for an approval. */
  decidedBy: string;
  /** Set for approvals. */
  requestId?: string;
  /** Set for approvals: milliseconds the approver took. */
  waitedMs?: number;
}

/** An {@link AuditEntry} as stored: numbered and timestamped by the log. */
export interface AuditRecord extends AuditEntry {
  /** 1, 2, 3, ... in the order written, continued across reopenings of the same file. */
  seq: number;
  /** When the log accepted the entry, ISO 8601 UTC. */
  at: string;
}

/** Where audit records go. `append` resolves only once the record is as durable as `durability` says. */
export interface AuditLog {
  /** A description of the durability guarantee, for results and reports. */
  readonly durability: string;
  /** Records written (and made durable) by this instance. */
  readonly recordsWritten: number;
  append(entry: AuditEntry): Promise<AuditRecord>;
  close?(): Promise<void>;
}

/**
 * `fsync`: each record is on disk (written, then `fdatasync`) before its `append` resolves; survives power loss.
 * `write`: written to the OS before `append` resolves; survives a crash of the process, not of the machine.
 */
export type AuditDurability = 'fsync' | 'write';

/** Options of {@link JsonlAuditLog}. */
export interface JsonlAuditLogOptions {
  /** The JSONL file, created (with its directory) on the first append; an existing file is appended to. */
  path: string;
  /** @default 'fsync' */
  durability?: AuditDurability;
  /** Arguments whose JSON is longer are stored as `{ truncated: true, chars, preview }`. @default 1024 */
  maxArgsChars?: number;
}

/** I/O counters of a {@link JsonlAuditLog}. */
export interface JsonlAuditLogStats {
  records: number;
  /** `write` calls: concurrent appends share one (group commit). */
  writes: number;
  /** `fdatasync` calls. */
  syncs: number;
  bytes: number;
}

/** Bytes read from the end of an existing file to find the last sequence number. */
const TAIL_BYTES = 64 * 1024;

interface Pending {
  entry: AuditEntry;
  at: string;
  resolve(record: AuditRecord): void;
  reject(error: unknown): void;
}

function capArgs(args: unknown, maxChars: number): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(args);
  } catch {
    return { unserializable: true };
  }
  if (json === undefined || json.length <= maxChars) return args;
  return { truncated: true, chars: json.length, preview: json.slice(0, maxChars) };
}

/** The sequence number of the last complete record in `tail` (the end of the file), or 0. */
function lastSeq(tail: string): number {
  const lines = tail.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const seq = (JSON.parse(lines[i]!) as { seq?: unknown }).seq;
      if (typeof seq === 'number' && Number.isInteger(seq)) return seq;
    } catch {
      // a torn or partial line: look further back
    }
  }
  return 0;
}

/**
 * An append-only audit trail in a JSONL file, one record per line, each `fdatasync`ed before its `append`
 * resolves (durability `fsync`). Appends that arrive while a write is in flight are written and synced together
 * (group commit), so concurrent decisions share one fsync; order is preserved. No native dependency.
 *
 * A crash can leave a torn last line: reopening isolates it (a newline is added first) and `readAuditLog`
 * reports it; every record whose `append` resolved is intact. After a failed write the log refuses further
 * appends (`AUDIT_WRITE_FAILED`), so a caller can fail closed.
 */
export class JsonlAuditLog implements AuditLog {
  readonly path: string;
  readonly durability: AuditDurability;
  private readonly maxArgsChars: number;
  private handle: FileHandle | undefined;
  private nextSeq = 1;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private broken: AuditLogError | undefined;
  private closed = false;
  private readonly counters: JsonlAuditLogStats = { records: 0, writes: 0, syncs: 0, bytes: 0 };

  constructor(options: JsonlAuditLogOptions) {
    this.path = options.path;
    this.durability = options.durability ?? 'fsync';
    this.maxArgsChars = options.maxArgsChars ?? 1024;
  }

  get recordsWritten(): number {
    return this.counters.records;
  }

  get stats(): Readonly<JsonlAuditLogStats> {
    return { ...this.counters };
  }

  /** Writes `entry` as the next record; resolves once it is durable. */
  append(entry: AuditEntry): Promise<AuditRecord> {
    if (this.closed) {
      return Promise.reject(
        new AuditLogError('AUDIT_CLOSED', `Audit log ${this.path} is closed — open a new JsonlAuditLog`),
      );
    }
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<AuditRecord>((resolve, reject) => {
      this.queue.push({ entry, at: new Date().toISOString(), resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Waits for pending appends, then closes the file. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
  }

  private async flush(): Promise<void> {
    let batch: Pending[] = [];
    try {
      const handle = this.handle ?? (await this.openFile());
      while (this.queue.length > 0) {
        batch = this.queue;
        this.queue = [];
        const records = batch.map(
          ({ entry, at }): AuditRecord => ({
            seq: this.nextSeq++,
            at,
            ...entry,
            args: capArgs(entry.args, this.maxArgsChars),
          }),
        );
        const text = `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;
        await handle.appendFile(text, 'utf8');
        this.counters.writes++;
        this.counters.bytes += Buffer.byteLength(text);
        if (this.durability === 'fsync') {
          await handle.datasync();
          this.counters.syncs++;
        }
        this.counters.records += records.length;
        for (const [i, pending] of batch.entries()) pending.resolve(records[i]!);
        batch = [];
      }
    } catch (error) {
      // What reached the file is unknown: refuse further appends rather than leave a gap unnoticed.
      this.broken = new AuditLogError(
        'AUDIT_WRITE_FAILED',
        `Audit log ${this.path} could not be written (${error instanceof Error ? error.message : String(error)}) — check the disk and open a new log`,
        { cause: error },
      );
      for (const pending of [...batch, ...this.queue.splice(0)]) pending.reject(this.broken);
    } finally {
      this.flushing = undefined;
    }
  }

  private async openFile(): Promise<FileHandle> {
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(this.path, 'a+');
    try {
      const { size } = await handle.stat();
      if (size > 0) {
        const length = Math.min(size, TAIL_BYTES);
        const tail = Buffer.alloc(length);
        await handle.read(tail, 0, length, size - length);
        this.nextSeq = lastSeq(tail.toString('utf8')) + 1;
        // A torn last line from a crash: end it, so the next record starts on a line of its own.
        if (tail[length - 1] !== 0x0a) await handle.appendFile('\n');
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    this.handle = handle;
    return handle;
  }
}

/** Records of an audit file, and the lines that are not records (a line torn by a crash). */
export interface AuditLogContents {
  records: AuditRecord[];
  corruptLines: Array<{ line: number; text: string }>;
}

/** Reads a JSONL audit file. A missing file has no records. */
export async function readAuditLog(path: string): Promise<AuditLogContents> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], corruptLines: [] };
    throw error;
  }
  const records: AuditRecord[] = [];
  const corruptLines: AuditLogContents['corruptLines'] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    try {
      const value = JSON.parse(line) as AuditRecord;
      if (typeof value?.seq === 'number') {
        records.push(value);
        return;
      }
    } catch {
      // reported below
    }
    corruptLines.push({ line: i + 1, text: line.length > 200 ? `${line.slice(0, 200)}...` : line });
  });
  return { records, corruptLines };
}
