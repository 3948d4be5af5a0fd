import { describe, expect, it } from 'vitest';
import {
  createLanggraphSuite,
  findLanggraphSubject,
  LANGGRAPH_SUBJECTS,
  LANGGRAPH_SUITE_FACTORIES,
} from '../src/index';

describe('subject registry', () => {
  it('names one subject per backend, only postgres needing a URL', () => {
    expect(LANGGRAPH_SUBJECTS.map((s) => [s.name, s.backend, s.needsPgUrl])).toEqual([
      ['langgraph-memory', 'memory', false],
      ['langgraph-sqlite', 'sqlite', false],
      ['langgraph-postgres', 'postgres', true],
    ]);
    expect(findLanggraphSubject('langgraph-sqlite')?.backend).toBe('sqlite');
    expect(findLanggraphSubject('kaizen')).toBeUndefined();
  });

  it('builds a suite of the subject backend, under the suite id of the kaizen suite', async () => {
    const suite = await createLanggraphSuite('checkpoints', 'langgraph-sqlite');
    expect(suite?.id).toBe('suite6_checkpoints');
    expect(suite?.metadata?.['subject']).toBe('LangGraph SqliteSaver (file, WAL)');
    const memory = await createLanggraphSuite('memory', 'langgraph-memory');
    expect(memory?.id).toBe('suite3_memory');
    expect(memory?.metadata?.['backend']).toBe('memory');
  });

  it('returns undefined for a suite with no LangGraph factory', async () => {
    expect(LANGGRAPH_SUITE_FACTORIES['initialization']).toBeUndefined();
    expect(await createLanggraphSuite('initialization', 'langgraph-memory')).toBeUndefined();
  });

  it('rejects an unknown subject and a postgres subject without a URL, in one line', async () => {
    await expect(createLanggraphSuite('checkpoints', 'langgraph-redis')).rejects.toThrow(
      'unknown LangGraph subject "langgraph-redis": choose one of langgraph-memory, langgraph-sqlite, langgraph-postgres',
    );
    await expect(createLanggraphSuite('checkpoints', 'langgraph-postgres')).rejects.toThrow(
      'the langgraph-postgres subject needs a PostgreSQL URL: pass pgUrl (CLI: --pg-url <url> or KAIZEN_BENCH_PG_URL)',
    );
  });
});
