import type { SuiteDefinition } from '@kaizen-bench/harness';
import { createLanggraphCheckpointsSuite } from './checkpoints/suite';
import { createLanggraphExecutionSuite } from './execution/suite';
import { createLanggraphInterruptsSuite } from './interrupts/suite';
import { createLanggraphMemorySuite } from './memory/suite';
import { createLanggraphMultiAgentSuite } from './multi-agent/suite';
import { createLanggraphToolCallingSuite } from './tool-calling/suite';
import type { LanggraphBackend, LanggraphSuiteOptions } from './options';

/** A subject name the CLI's `--subject` accepts, and what it runs on. */
export interface LanggraphSubject {
  /** e.g. `langgraph-sqlite`. */
  name: string;
  backend: LanggraphBackend;
  /** One line: what each suite maps to. */
  description: string;
  /** Whether it needs a PostgreSQL URL (`pgUrl`, the CLI's `--pg-url` / `KAIZEN_BENCH_PG_URL`). */
  needsPgUrl: boolean;
}

/** What builds one suite on LangGraph: a `createLanggraph<Suite>Suite` of this package. */
export type LanggraphSuiteFactory = (
  options: LanggraphSuiteOptions,
) => SuiteDefinition | Promise<SuiteDefinition>;

/** The LangGraph subjects, one per backend. */
export const LANGGRAPH_SUBJECTS: readonly LanggraphSubject[] = [
  {
    name: 'langgraph-memory',
    backend: 'memory',
    description: 'LangGraph.js in process: MemorySaver checkpoints, InMemoryStore memory',
    needsPgUrl: false,
  },
  {
    name: 'langgraph-sqlite',
    backend: 'sqlite',
    description: 'LangGraph.js on SQLite: SqliteSaver (file, WAL) checkpoints, InMemoryStore memory',
    needsPgUrl: false,
  },
  {
    name: 'langgraph-postgres',
    backend: 'postgres',
    description:
      'LangGraph.js on PostgreSQL: PostgresSaver checkpoints, InMemoryStore + PostgresStore memory',
    needsPgUrl: true,
  },
];

/**
 * Suite name (as the CLI spells it) -> the factory building it on LangGraph. A suite not listed here is not
 * offered on LangGraph subjects; adding one is one line.
 */
export const LANGGRAPH_SUITE_FACTORIES: Readonly<Record<string, LanggraphSuiteFactory>> = {
  execution: createLanggraphExecutionSuite,
  memory: createLanggraphMemorySuite,
  'tool-calling': createLanggraphToolCallingSuite,
  interrupts: createLanggraphInterruptsSuite,
  checkpoints: createLanggraphCheckpointsSuite,
  'multi-agent': createLanggraphMultiAgentSuite,
};

/** The subject of that name, or undefined. */
export function findLanggraphSubject(name: string): LanggraphSubject | undefined {
  return LANGGRAPH_SUBJECTS.find((subject) => subject.name === name);
}

/**
 * Builds suite `suiteName` (e.g. `checkpoints`) on subject `subjectName` (e.g. `langgraph-sqlite`), or
 * returns undefined when LangGraph subjects do not offer that suite.
 * @throws RangeError for an unknown subject name
 */
export async function createLanggraphSuite(
  suiteName: string,
  subjectName: string,
  options: Omit<LanggraphSuiteOptions, 'backend'> = {},
): Promise<SuiteDefinition | undefined> {
  const subject = findLanggraphSubject(subjectName);
  if (!subject) {
    const known = LANGGRAPH_SUBJECTS.map((s) => s.name).join(', ');
    throw new RangeError(`unknown LangGraph subject "${subjectName}": choose one of ${known}`);
  }
  const factory = LANGGRAPH_SUITE_FACTORIES[suiteName];
  return factory ? factory({ ...options, backend: subject.backend }) : undefined;
}
