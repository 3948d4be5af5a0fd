import { MemoryConnectionError } from './errors';

/** A PostgreSQL URL without its password, for messages and metadata: `user@host:port/database`. */
export function describePgUrl(url: URL): string {
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
  return `${user}${url.hostname || 'localhost'}:${url.port || '5432'}/${database}`;
}

/** Parses a PostgreSQL connection URL, or throws a one-line {@link MemoryConnectionError} (`bad_url`). */
export function parsePgUrl(raw: string): URL {
  const example = 'postgres://user:password@127.0.0.1:5432/database';
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new MemoryConnectionError(
      'bad_url',
      `PostgreSQL URL is not a URL — give one like ${example} (--pg-url or KAIZEN_BENCH_PG_URL)`,
      { cause: error },
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new MemoryConnectionError(
      'bad_url',
      `PostgreSQL URL has scheme ${url.protocol.replace(/:$/, '')}, not postgres — give one like ${example}`,
    );
  }
  if (!url.hostname) {
    throw new MemoryConnectionError('bad_url', `PostgreSQL URL names no host — give one like ${example}`);
  }
  return url;
}

/** Turns what pg threw while connecting into a {@link MemoryConnectionError} saying what to fix. */
export function connectionError(error: unknown, url: URL, timeoutMs: number): MemoryConnectionError {
  const target = describePgUrl(url);
  const { code, message = '' } = (error ?? {}) as { code?: string; message?: string };
  const make = (problem: ConstructorParameters<typeof MemoryConnectionError>[0], text: string) =>
    new MemoryConnectionError(problem, `PostgreSQL at ${target}: ${text}`, { cause: error });
  switch (code) {
    case 'ECONNREFUSED':
      return make('refused', 'connection refused — start the server, or fix the host and port in the URL');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return make('host_not_found', `host ${url.hostname} not found — fix the host in the URL`);
    case '28P01':
      return make('auth_failed', 'password authentication failed — fix the user or password in the URL');
    case '28000':
      return make(
        'auth_failed',
        `${message} — use a user and host the server's pg_hba.conf allows, or fix the URL`,
      );
    case '3D000':
      return make('database_missing', `${message} — create it (createdb) or fix the database in the URL`);
    case 'ECONNRESET':
      return make(
        'unusable',
        'connection reset — is it a PostgreSQL server, and does it want SSL (?sslmode=require)?',
      );
  }
  if (/timeout/i.test(message)) {
    return make(
      'timeout',
      `no answer within ${timeoutMs} ms — check the server is up and reachable, or raise the connect timeout`,
    );
  }
  return make('unusable', `${message.split('\n')[0] || String(error)} — fix the URL or the server`);
}
