import { expect, it } from 'vitest';
import { MEMORY_SCHEMA_VERSION, MemorySchemaVersionError } from '../src/index';
import { describeEachBackend, numberedTurns } from './_memory-backends';

describeEachBackend('schema on first use', (backend) => {
  it('creates the versioned tables once, reopens them as they are, and refuses a newer schema', async () => {
    const memory = await backend.open();
    expect(await memory.describe()).toMatchObject({ schemaVersion: MEMORY_SCHEMA_VERSION });
    await memory.append('s', numberedTurns(3));
    await memory.close();

    // Opening again (twice at once, too) neither recreates nor loses anything.
    const [a, b] = await Promise.all([backend.open(), backend.open()]);
    expect(await a.recent('s', 5)).toEqual(numberedTurns(3));
    expect((await b.describe()).rows).toEqual({ sessions: 1, turns: 3, archives: 0 });
    const version = await backend.sql<{ value: string }>(
      "SELECT value FROM {meta} WHERE key = 'schema_version'",
      "SELECT value FROM {meta} WHERE key = 'schema_version'",
    );
    expect(version).toEqual([{ value: String(MEMORY_SCHEMA_VERSION) }]);
    await Promise.all([a.close(), b.close()]);

    await backend.sql(
      "UPDATE {meta} SET value = '99' WHERE key = 'schema_version'",
      "UPDATE {meta} SET value = '99' WHERE key = 'schema_version'",
    );
    const failure = await backend.open().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MemorySchemaVersionError);
    expect(failure).toMatchObject({
      code: 'MEMORY_SCHEMA_VERSION',
      found: 99,
      supported: MEMORY_SCHEMA_VERSION,
    });
    expect((failure as Error).message).toMatch(/have schema version 99, this runtime reads 1 — upgrade/);
  });
});
