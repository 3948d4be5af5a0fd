/** Base class of the tiered memory's errors: each failure kind has a stable `code`. */
export class MemoryError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** `openTieredMemory` was given options it cannot work with; `field` names the bad one. */
export class MemoryOptionsError extends MemoryError {
  constructor(
    readonly field: string,
    problem: string,
    fix: string,
  ) {
    super('MEMORY_INVALID_OPTIONS', `Tiered memory option ${field} ${problem} — ${fix}`);
  }
}

/** The database driver of the chosen backend (`better-sqlite3` or `pg`) is not installed or does not load. */
export class MemoryDriverError extends MemoryError {
  constructor(
    readonly driver: 'better-sqlite3' | 'pg',
    problem: string,
    fix: string,
    options?: { cause?: unknown },
  ) {
    super('MEMORY_DRIVER_MISSING', `${driver} ${problem} — ${fix}`, options);
  }
}

/** Why a database could not be reached; see {@link MemoryConnectionError}. */
export type MemoryConnectionProblem =
  | 'bad_url'
  | 'refused'
  | 'host_not_found'
  | 'auth_failed'
  | 'database_missing'
  | 'timeout'
  | 'unusable';

/**
 * The PostgreSQL server could not be used: a URL that is not one, a refused connection, a wrong password,
 * a missing database, no answer within the connect timeout. The message names the server without the
 * password and says how to fix it.
 */
export class MemoryConnectionError extends MemoryError {
  constructor(
    readonly problem: MemoryConnectionProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('MEMORY_CONNECTION_FAILED', message, options);
  }
}

/** The database holds memory tables of a newer schema than this runtime reads. */
export class MemorySchemaVersionError extends MemoryError {
  constructor(
    readonly where: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      'MEMORY_SCHEMA_VERSION',
      `Memory tables in ${where} have schema version ${found}, this runtime reads ${supported} — upgrade @kaizen-bench/agent or use another database`,
    );
  }
}

/**
 * A session's cold archive cannot be trusted (checksum mismatch, undecodable, wrong turn count). Nothing
 * was changed: the archive is still there and the warm tier is as it was.
 */
export class MemoryArchiveCorruptError extends MemoryError {
  constructor(
    readonly sessionId: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      'MEMORY_ARCHIVE_CORRUPT',
      `Cold archive of session ${JSON.stringify(sessionId)} is corrupt (${reason}) — it was left as it is; restore it from a backup of the database or delete the session`,
      options,
    );
  }
}

/** `archive` of a session with no turns in the warm tier, or `restore` of a session with no archive. */
export class MemorySessionNotFoundError extends MemoryError {
  constructor(
    readonly sessionId: string,
    readonly tier: 'warm' | 'cold',
  ) {
    super(
      'MEMORY_SESSION_NOT_FOUND',
      tier === 'warm'
        ? `Session ${JSON.stringify(sessionId)} has no turns in the warm tier to archive — append turns first (or it is already archived)`
        : `Session ${JSON.stringify(sessionId)} has no cold archive to restore — archive it first (or it is already in the warm tier)`,
    );
  }
}

/** A turn given to `append` is not a chat message (`role` user / assistant / system, string `content`). */
export class MemoryTurnError extends MemoryError {
  constructor(
    readonly index: number,
    problem: string,
  ) {
    super(
      'MEMORY_INVALID_TURN',
      `Turn ${index} ${problem} — pass { role: 'user' | 'assistant' | 'system', content: string }`,
    );
  }
}

/** The memory was used after `close()`. */
export class MemoryClosedError extends MemoryError {
  constructor() {
    super('MEMORY_CLOSED', 'The tiered memory is closed — open a new one with openTieredMemory()');
  }
}
