import type { BaseCheckpointSaver } from '@langchain/langgraph-checkpoint';
import { openSaver } from './checkpoints/savers';
import type { LanggraphBackend, LanggraphSuiteOptions } from './options';

/** A LangGraph checkpointer of one backend for a graph, and how to let it go. */
export interface GraphCheckpointer {
  saver: BaseCheckpointSaver;
  backend: LanggraphBackend;
  /** What the saver keeps its checkpoints in (for metadata). */
  where: string;
  /** Closes the saver's connection (sqlite database, postgres pool), as an application shutting down would. */
  disconnect(): Promise<void>;
  /** Disconnects if still connected, then removes what was created for it (temp dir, schema). */
  close(): Promise<void>;
}

/**
 * Opens the checkpointer of `options.backend` for the graphs of a suite: `MemorySaver`, `SqliteSaver` on a file
 * in a fresh temp dir (WAL), or `PostgresSaver` in a schema of its own (see `openSaver`). The LangGraph
 * packages load here, on first use.
 */
export async function openGraphCheckpointer(
  options: Pick<LanggraphSuiteOptions, 'backend' | 'pgUrl'>,
): Promise<GraphCheckpointer> {
  const opened = await openSaver(options.backend, options.pgUrl ? { pgUrl: options.pgUrl } : {});
  return {
    saver: opened.saver,
    backend: options.backend,
    where: opened.where,
    disconnect: opened.disconnect,
    close: opened.close,
  };
}
