import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, it } from 'vitest';
import { openTieredMemory, type TieredMemory, type TieredMemoryOptions } from '../src/index';

/** The PostgreSQL server of the tests: `.ci/run` (scripts/pg-test-server.sh) starts one and sets this. */
export const PG_URL = process.env['KAIZEN_BENCH_PG_URL'];
const IN_CI = process.env['CI'] === 'true';

export type BackendName = 'sqlite' | 'postgres';

/** One isolated database per test (an SQLite file, or a PostgreSQL schema), removed after the test. */
export interface BackendFixture {
  readonly name: BackendName;
  /** The `backend` option for this test's database. */
  backend(): TieredMemoryOptions['backend'];
  /** Opens a memory on this test's database (again and again: it persists); closed after the test. */
  open(options?: Omit<TieredMemoryOptions, 'backend'>): Promise<TieredMemory>;
  /**
   * Raw SQL on the test's database, outside the memory: `?` placeholders in `sqlite`, `$1` in `postgres`;
   * `{table}` stands for the qualified table name `kaizen_memory_{table}`.
   */
  sql<T = Record<string, unknown>>(sqlite: string, postgres: string, params?: unknown[]): Promise<T[]>;
}

interface FixtureState {
  dirs: string[];
  schemas: string[];
  memories: TieredMemory[];
  /** Forgets the test's database, so the next test gets a new one. */
  reset?: () => void;
}

function tableNames(text: string, schema?: string): string {
  return text.replace(/\{(\w+)\}/g, (_, table: string) =>
    schema ? `"${schema}".kaizen_memory_${table}` : `kaizen_memory_${table}`,
  );
}

function makeFixture(name: BackendName, state: FixtureState): BackendFixture {
  let sqlitePath: string | undefined;
  let schema: string | undefined;
  state.reset = () => {
    sqlitePath = undefined;
    schema = undefined;
  };
  const backend = (): TieredMemoryOptions['backend'] => {
    if (name === 'sqlite') {
      if (!sqlitePath) throw new Error('call open() or prepare() first');
      return { kind: 'sqlite', path: sqlitePath };
    }
    if (!schema) {
      schema = `kzm_test_${randomBytes(6).toString('hex')}`;
      state.schemas.push(schema);
    }
    return { kind: 'postgres', url: PG_URL as string, schema };
  };
  const prepare = async () => {
    if (name === 'sqlite' && !sqlitePath) {
      const dir = await mkdtemp(join(tmpdir(), 'kzb-memory-test-'));
      state.dirs.push(dir);
      sqlitePath = join(dir, 'memory.db');
    }
  };
  return {
    name,
    backend,
    async open(options = {}) {
      await prepare();
      const memory = await openTieredMemory({ ...options, backend: backend() });
      state.memories.push(memory);
      return memory;
    },
    async sql<T>(sqliteText: string, postgresText: string, params: unknown[] = []): Promise<T[]> {
      await prepare();
      if (name === 'sqlite') {
        const db = new Database(sqlitePath as string, { timeout: 5000 });
        try {
          const statement = db.prepare(tableNames(sqliteText));
          return (statement.reader ? statement.all(...params) : [statement.run(...params)]) as T[];
        } finally {
          db.close();
        }
      }
      backend();
      const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 10_000 });
      await client.connect();
      try {
        return (await client.query(tableNames(postgresText, schema), params)).rows as T[];
      } finally {
        await client.end();
      }
    },
  };
}

async function cleanUp(state: FixtureState): Promise<void> {
  state.reset?.();
  await Promise.all(state.memories.splice(0).map((m) => m.close()));
  await Promise.all(state.dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  const schemas = state.schemas.splice(0);
  if (schemas.length > 0 && PG_URL) {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  }
}

/**
 * Runs the same tests against SQLite and PostgreSQL. Without KAIZEN_BENCH_PG_URL the PostgreSQL half is
 * skipped on a developer's machine, and fails in CI (CI=true), where it must run.
 */
export function describeEachBackend(title: string, body: (backend: BackendFixture) => void): void {
  for (const name of ['sqlite', 'postgres'] as const) {
    if (name === 'postgres' && !PG_URL) {
      if (IN_CI) {
        describe(`${title} [postgres]`, () => {
          it('has a PostgreSQL server', () => {
            throw new Error(
              'KAIZEN_BENCH_PG_URL is not set: CI must run the PostgreSQL memory tests (.ci/run starts a server with scripts/pg-test-server.sh)',
            );
          });
        });
      } else {
        describe.skip(`${title} [postgres] (set KAIZEN_BENCH_PG_URL, e.g. bash scripts/pg-test-server.sh run -- ...)`, () => {
          it('skipped', () => undefined);
        });
      }
      continue;
    }
    describe(`${title} [${name}]`, () => {
      const state: FixtureState = { dirs: [], schemas: [], memories: [] };
      afterEach(() => cleanUp(state));
      body(makeFixture(name, state));
    });
  }
}

/** `count` turns `{ role, content: '<prefix><i>' }`, alternating user / assistant. */
export function numberedTurns(count: number, prefix = 't', start = 0) {
  return Array.from({ length: count }, (_, i) => ({
    role: (start + i) % 2 === 0 ? ('user' as const) : ('assistant' as const),
    content: `${prefix}${start + i}`,
  }));
}
