import type { LlmChoice } from '@kaizen-bench/agent';

/** Where a LangGraph subject keeps its checkpoints and store: the backend half of a subject name. */
export type LanggraphBackend = 'memory' | 'sqlite' | 'postgres';

/** What every `createLanggraph<Suite>Suite` factory of this package takes. */
export interface LanggraphSuiteOptions {
  /** `memory`: MemorySaver / InMemoryStore; `sqlite`: SqliteSaver on a WAL file; `postgres`: PostgresSaver / PostgresStore. */
  backend: LanggraphBackend;
  /** PostgreSQL URL, required when `backend` is `postgres`. */
  pgUrl?: string;
  /** LLM choice for suites that call a model (the CLI's `--llm --ollama-host --model --model-file`). */
  llm?: LlmChoice;
  /** Gets one-line notices (which model runs, why a benchmark is skipped); the CLI prints them on stderr. */
  onNotice?: (line: string) => void;
}
