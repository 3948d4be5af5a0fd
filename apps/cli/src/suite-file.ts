import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SuiteDefinition } from '@kaizen-bench/harness';
import { CliError } from './errors';
import type { RegisteredSuite, SuiteFactoryOptions } from './registry';

/**
 * Loads a user's own suite from a module (`--suite-file`): its default export (or `suite` export) is a
 * suite definition, or a function of the run's {@link SuiteFactoryOptions} returning one. This lets a
 * project run its own harness suites through the CLI.
 */
export async function loadSuiteFile(path: string, options: SuiteFactoryOptions): Promise<RegisteredSuite> {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new CliError(`suite file not found: ${absolute}`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`cannot load suite file ${absolute}: ${(error as Error).message}`, undefined, {
      cause: error,
    });
  }
  const exported = mod.default ?? mod.suite;
  const suite = (typeof exported === 'function' ? await exported(options) : exported) as
    | SuiteDefinition
    | undefined;
  if (
    !suite ||
    typeof suite !== 'object' ||
    typeof suite.id !== 'string' ||
    !Array.isArray(suite.benchmarks)
  ) {
    throw new CliError(
      `suite file ${absolute} must export default a suite ({ id, name, benchmarks }) or a function returning one`,
    );
  }
  return { number: 0, name: suite.id, id: suite.id, packageName: absolute, create: () => suite };
}
