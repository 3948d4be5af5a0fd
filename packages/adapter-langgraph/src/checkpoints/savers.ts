import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BaseCheckpointSaver,
  MemorySaver,
  type SerializerProtocol,
} from '@langchain/langgraph-checkpoint';
import { missingPgUrl, privatePool, redactUrl, schemaBytes, uniqueSchema } from '../_pg-internals';
import type { LanggraphBackend } from '../options';

/** A LangGraph checkpointer of one backend, with what it stores and how to let it go. */
export interface OpenedSaver {
  saver: BaseCheckpointSaver;
  /** Bytes its storage holds now: serialized buffers (memory), database + WAL files (sqlite), table sizes (postgres). */
  storedBytes(): Promise<number>;
  /** Which saver on what, in a few words, for metadata (e.g. `SqliteSaver (better-sqlite3) on a temp file`). */
  where: string;
  /** Facts for the results' metadata. */
  describe(): Promise<Record<string, unknown>>;
  /** Closes the saver's connection (database handle, pool), as an application shutting down would. */
  disconnect(): Promise<void>;
  /** Disconnects if still connected, then removes what was created (temp directory, schema). */
  close(): Promise<void>;
}

async function fileSize(path: string): Promise<number> {
  return (await stat(path).catch(() => undefined))?.size ?? 0;
}

function openMemorySaver(serde: SerializerProtocol | undefined): OpenedSaver {
  const saver = new MemorySaver(serde);
  return {
    saver,
    async storedBytes() {
      // MemorySaver keeps [checkpoint bytes, metadata bytes, parent id] per checkpoint.
      let total = 0;
      for (const namespaces of Object.values(saver.storage))
        for (const checkpoints of Object.values(namespaces))
          for (const [checkpoint, metadata] of Object.values(checkpoints))
            total += checkpoint.byteLength + metadata.byteLength;
      return total;
    },
    where: 'MemorySaver (in process)',
    describe: async () => ({
      backend: 'memory',
      saver: 'MemorySaver',
      where: 'in process',
      durability: 'none: serialized buffers in process memory',
    }),
    disconnect: async () => {},
    close: async () => {},
  };
}

async function openSqliteSaver(serde: SerializerProtocol | undefined): Promise<OpenedSaver> {
  const { SqliteSaver } = await import('@langchain/langgraph-checkpoint-sqlite');
  const dir = await mkdtemp(join(tmpdir(), 'kaizen-bench-langgraph-checkpoints-'));
  const file = join(dir, 'checkpoints.sqlite');
  const saver = SqliteSaver.fromConnString(file);
  if (serde) saver.serde = serde;
  // The first call runs setup() (WAL on, tables created); made here so no timed put pays for it.
  await saver.getTuple({ configurable: { thread_id: 'kaizen-bench-setup', checkpoint_ns: '' } });
  const disconnect = async () => {
    if (saver.db.open) saver.db.close();
  };
  return {
    saver,
    where: 'SqliteSaver (better-sqlite3, WAL) on a temp file',
    disconnect,
    storedBytes: async () => (await fileSize(file)) + (await fileSize(`${file}-wal`)),
    async describe() {
      const synchronous = Number(saver.db.pragma('synchronous', { simple: true }));
      return {
        backend: 'sqlite',
        saver: 'SqliteSaver (better-sqlite3)',
        where: 'a file in a temp directory',
        journal_mode: saver.db.pragma('journal_mode', { simple: true }),
        synchronous,
        // In WAL mode, NORMAL (1) syncs only at WAL checkpoints: a commit survives a process crash, not a power loss.
        durability:
          synchronous >= 2
            ? 'each commit fsyncs the WAL'
            : 'commits are not fsynced (WAL, synchronous=NORMAL or OFF): safe against a process crash, not a power loss',
      };
    },
    async close() {
      try {
        await disconnect();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

async function openPostgresSaver(serde: SerializerProtocol | undefined, pgUrl: string): Promise<OpenedSaver> {
  const { PostgresSaver } = await import('@langchain/langgraph-checkpoint-postgres');
  const schema = uniqueSchema('checkpoints');
  const saver = PostgresSaver.fromConnString(pgUrl, { schema });
  if (serde) saver.serde = serde;
  const pool = privatePool(saver, ['pool']);
  try {
    await saver.setup();
  } catch (error) {
    await saver.end().catch(() => {});
    throw new Error(`PostgresSaver.setup() failed on ${redactUrl(pgUrl)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let ended: Promise<void> | undefined;
  const disconnect = () => {
    ended ??= saver.end();
    return ended;
  };
  return {
    saver,
    where: `PostgresSaver (node-postgres pool) in schema ${schema}`,
    disconnect,
    storedBytes: () => schemaBytes(pool, schema),
    async describe() {
      const version = await pool.query('SHOW server_version');
      const commit = await pool.query('SHOW synchronous_commit');
      return {
        backend: 'postgres',
        saver: 'PostgresSaver (node-postgres pool)',
        where: `schema ${schema}, dropped on close`,
        server_version: version.rows[0]?.['server_version'],
        synchronous_commit: commit.rows[0]?.['synchronous_commit'],
        durability: 'one transaction per put (blobs + checkpoint row), committed per the server setting',
      };
    },
    async close() {
      if (!ended) {
        try {
          await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        } finally {
          await disconnect();
        }
        return;
      }
      await ended;
      // Disconnected already (a shutdown benchmark): a second saver on the same URL lends its pool to drop it.
      const dropper = PostgresSaver.fromConnString(pgUrl, { schema });
      try {
        await privatePool(dropper, ['pool']).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** Opens a checkpointer of `backend`, with `serde` when given (else LangGraph's default JsonPlusSerializer). */
export async function openSaver(
  backend: LanggraphBackend,
  options: { pgUrl?: string; serde?: SerializerProtocol },
): Promise<OpenedSaver> {
  if (backend === 'memory') return openMemorySaver(options.serde);
  if (backend === 'sqlite') return openSqliteSaver(options.serde);
  if (backend === 'postgres') {
    if (!options.pgUrl) throw missingPgUrl('the langgraph-postgres checkpointer');
    return openPostgresSaver(options.serde, options.pgUrl);
  }
  throw new RangeError(`unknown LangGraph backend "${String(backend)}": use memory, sqlite or postgres`);
}
