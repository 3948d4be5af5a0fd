import { readFile } from 'node:fs/promises';
import { ResultsFileError } from './errors';
import { validateSuiteResult } from './schema';
import type { SuiteResult } from './types';

/**
 * Reads and validates a results file.
 * @throws ResultsFileError with a one-line message: `RESULTS_NOT_FOUND`, `RESULTS_UNREADABLE`,
 *   `RESULTS_NOT_JSON`, or `RESULTS_INVALID` (names the first failing JSON pointer and why).
 */
export async function readResults(path: string): Promise<SuiteResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ResultsFileError(
        'RESULTS_NOT_FOUND',
        path,
        `results file not found: ${path} (run the suite first, or check the path)`,
        { cause: error },
      );
    }
    throw new ResultsFileError(
      'RESULTS_UNREADABLE',
      path,
      `cannot read results file ${path}: ${code ?? (error as Error).message}`,
      { cause: error },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ResultsFileError(
      'RESULTS_NOT_JSON',
      path,
      `${path} is not valid JSON (${(error as Error).message.split('\n')[0]}): is it a kaizen-bench results file?`,
      { cause: error },
    );
  }
  const issues = validateSuiteResult(value);
  const [first] = issues;
  if (first) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new ResultsFileError(
      'RESULTS_INVALID',
      path,
      `${path} fails the results schema at ${first.pointer || '/'}: ${first.message}${more}`,
    );
  }
  return value as SuiteResult;
}
