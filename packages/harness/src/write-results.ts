import { resolve } from 'node:path';
import { writeFileAtomically } from './_atomic-write';
import { HarnessError } from './errors';
import { validateSuiteResult } from './schema';
import type { SuiteResult } from './types';

/** The file a suite's results go to: `<dir>/<suite_id>_results.json`. */
export function resultsFilePath(suiteId: string, dir: string): string {
  return resolve(dir, `${suiteId}_results.json`);
}

/**
 * Writes `<dir>/<suite_id>_results.json` atomically and returns its absolute path. The result is serialised
 * and validated against the schema first (what is checked is exactly what lands on disk); then written to a
 * temp file in the same directory, fsynced, and renamed over the target, so a reader sees the old file or
 * the new one, never a partial one. Creates `dir` if needed, and removes temp files that writers killed
 * mid-write left there. `options.fileName` writes another name in `dir` (e.g. one per subject of a suite).
 * @throws HarnessError `HARNESS_SERIALIZE_FAILED` (e.g. a BigInt or a cycle in metadata),
 *   `HARNESS_INVALID_RESULT` (fails the schema), `HARNESS_WRITE_FAILED` (I/O); the old file is left intact.
 */
export async function writeSuiteResults(
  result: SuiteResult,
  dir: string,
  options: { fileName?: string } = {},
): Promise<string> {
  let json: string;
  try {
    json = `${JSON.stringify(result, null, 2)}\n`;
  } catch (error) {
    throw new HarnessError(
      'HARNESS_SERIALIZE_FAILED',
      `cannot serialise suite '${result?.suite_id}' to JSON (${error instanceof Error ? error.message : String(error)}): keep metadata to plain JSON values`,
      { cause: error },
    );
  }
  const issues = validateSuiteResult(JSON.parse(json));
  if (issues.length > 0) {
    const [first] = issues;
    throw new HarnessError(
      'HARNESS_INVALID_RESULT',
      `suite result fails the schema at ${first?.pointer || '/'}: ${first?.message} (${issues.length} problem(s)); nothing was written`,
    );
  }
  return writeFileAtomically(dir, options.fileName ?? `${result.suite_id}_results.json`, json);
}
