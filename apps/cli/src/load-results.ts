import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readResults, type SuiteResult } from '@kaizen-bench/harness';
import { CliError, ExitCode } from './errors';

/** Reads one results file, or every `*_results.json` in a directory; bad input is a one-line CliError. */
export async function loadResultSet(path: string, role: string): Promise<SuiteResult[]> {
  if (!existsSync(path)) throw new CliError(`${role} not found: ${path}`);
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith('_results.json'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  if (files.length === 0) throw new CliError(`${role} directory ${path} holds no *_results.json file`);
  const results: SuiteResult[] = [];
  for (const file of files) {
    try {
      results.push(await readResults(file));
    } catch (error) {
      throw new CliError(`${role}: ${(error as Error).message}`, ExitCode.usage, { cause: error });
    }
  }
  return results;
}
