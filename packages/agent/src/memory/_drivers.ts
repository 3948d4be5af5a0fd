import type BetterSqlite3 from 'better-sqlite3';
import type { LRUCache } from 'lru-cache';
import type * as Pg from 'pg';
import { MemoryDriverError } from './errors';

// The drivers load on first use (import()): importing the package must stay cheap, and pg is an optional
// peer dependency that only PostgreSQL users install.

/** The better-sqlite3 `Database` class. */
export type SqliteDatabaseClass = typeof BetterSqlite3;
/** pg's exports (Pool, types, ...). */
export type PgModule = typeof Pg;

function isModuleMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    message.includes(`'${name}'`)
  );
}

/** CommonJS packages seen through import(): the exports are on `default` (Node) or on the namespace. */
function commonJsExports<T>(namespace: unknown): T {
  const m = namespace as { default?: T };
  return m.default ?? (namespace as T);
}

let sqlitePromise: Promise<SqliteDatabaseClass> | undefined;

export function importBetterSqlite3(): Promise<SqliteDatabaseClass> {
  sqlitePromise ??= import('better-sqlite3').then(
    (m) => commonJsExports<SqliteDatabaseClass>(m),
    (error: unknown) => {
      sqlitePromise = undefined;
      throw new MemoryDriverError(
        'better-sqlite3',
        isModuleMissing(error, 'better-sqlite3') ? 'is not installed' : 'failed to load',
        'install it with `pnpm add better-sqlite3` (a dependency of @kaizen-bench/agent: `pnpm install` again)',
        { cause: error },
      );
    },
  );
  return sqlitePromise;
}

/** The error to throw when better-sqlite3 loads but its native binary does not. */
export function sqliteBinaryError(error: unknown): MemoryDriverError {
  return new MemoryDriverError(
    'better-sqlite3',
    `native binary did not load (${(error as Error).message.split('\n')[0]})`,
    'run `pnpm install` again: it downloads a prebuilt binary or compiles one (needs python3, make and g++)',
    { cause: error },
  );
}

let pgPromise: Promise<PgModule> | undefined;

export function importPg(): Promise<PgModule> {
  pgPromise ??= import('pg').then(
    (m) => commonJsExports<PgModule>(m),
    (error: unknown) => {
      pgPromise = undefined;
      throw new MemoryDriverError(
        'pg',
        isModuleMissing(error, 'pg')
          ? 'is not installed (the PostgreSQL backend needs it)'
          : 'failed to load',
        'install it next to @kaizen-bench/agent with `pnpm add pg`, or leave the PostgreSQL URL unset to use SQLite',
        { cause: error },
      );
    },
  );
  return pgPromise;
}

/** The lru-cache class of the hot tier. */
export type LruCacheClass = typeof LRUCache;

let lruPromise: Promise<LruCacheClass> | undefined;

export function importLruCache(): Promise<LruCacheClass> {
  lruPromise ??= import('lru-cache').then((m) => m.LRUCache);
  lruPromise.catch(() => {
    lruPromise = undefined;
  });
  return lruPromise;
}
