/** A checkpoint file exists but cannot be trusted: truncated, corrupted, or not a checkpoint at all. */
export class CheckpointCorruptError extends Error {
  readonly code = 'CHECKPOINT_CORRUPT';
  override readonly name = 'CheckpointCorruptError';
  /** Absolute path of the bad file. */
  readonly path: string;
  /** What is wrong with it, e.g. `checksum mismatch`. */
  readonly reason: string;

  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(
      `Checkpoint ${path} is corrupt (${reason}): load an earlier one with load({ fallbackToPrevious: true }) or delete the file.`,
      options,
    );
    this.path = path;
    this.reason = reason;
  }
}

/** A checkpoint was written by a runtime with a different agent-state schema version. */
export class CheckpointSchemaVersionError extends Error {
  readonly code = 'CHECKPOINT_SCHEMA_VERSION';
  override readonly name = 'CheckpointSchemaVersionError';
  readonly path: string;
  readonly found: unknown;
  readonly supported: number;

  constructor(path: string, found: unknown, supported: number) {
    super(
      `Checkpoint ${path} has agent-state schema version ${String(found)}, this runtime reads ${supported}: use a matching @kaizen-bench/agent version or migrate the checkpoint.`,
    );
    this.path = path;
    this.found = found;
    this.supported = supported;
  }
}

/** No checkpoint to load: the directory is empty, or the requested id does not exist. */
export class CheckpointNotFoundError extends Error {
  readonly code = 'CHECKPOINT_NOT_FOUND';
  override readonly name = 'CheckpointNotFoundError';
  readonly dir: string;
  /** The requested id, when one was given. */
  readonly id: string | undefined;

  constructor(dir: string, id?: string, detail?: string) {
    super(
      id === undefined
        ? `No checkpoint in ${dir}${detail ? ` (${detail})` : ''}: save one first or check the directory.`
        : `Checkpoint ${id} not found in ${dir}${detail ? ` (${detail})` : ''}: pick an id from list().`,
    );
    this.dir = dir;
    this.id = id;
  }
}

/** The store was given options it cannot work with. */
export class CheckpointOptionsError extends Error {
  readonly code = 'CHECKPOINT_INVALID_OPTIONS';
  override readonly name = 'CheckpointOptionsError';
}
