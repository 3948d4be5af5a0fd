/** The part of a node-postgres pool this package uses. */
export interface PgQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * The node-postgres pool a LangGraph PostgresSaver / PostgresStore holds privately (`saver.pool`,
 * `store.core.pool`). Used for facts and floors on the same handle, so this package needs no `pg` of its own.
 * @throws Error naming the field when a LangGraph release moved it
 */
export function privatePool(owner: object, path: readonly string[]): PgQueryable {
  let value: unknown = owner;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  if (typeof (value as PgQueryable | undefined)?.query !== 'function') {
    throw new Error(
      `${owner.constructor.name}.${path.join('.')} is not a node-postgres pool in this LangGraph version: update @kaizen-bench/adapter-langgraph`,
    );
  }
  return value as PgQueryable;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

let schemas = 0;

/** A schema name of its own per subject, so sizes count only what this subject wrote and close() drops it. */
export function uniqueSchema(label: string): string {
  return `kaizen_bench_lg_${label}_${process.pid}_${Date.now().toString(36)}_${++schemas}`;
}

/** Bytes on disk of every table (with indexes and TOAST) in `schema`. */
export async function schemaBytes(pool: PgQueryable, schema: string): Promise<number> {
  const { rows } = await pool.query(
    `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r'`,
    [schema],
  );
  return Number(rows[0]?.['bytes'] ?? 0);
}

/** The one-line error for a postgres subject without a URL. */
export function missingPgUrl(what: string): Error {
  return new Error(`${what} needs a PostgreSQL URL: pass pgUrl (CLI: --pg-url <url> or KAIZEN_BENCH_PG_URL)`);
}
