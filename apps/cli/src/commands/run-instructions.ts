// `run --measure instructions`: what the CLI adds to the harness's instruction counting (valgrind check, how
// a child process finds the suite again, progress lines).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkValgrind, type InstructionsOptions, type SuiteResult } from '@kaizen-bench/harness';
import { pc } from '../colors';
import { CliError } from '../errors';
import type { InstructionsSuiteArgument } from '../instructions-source';
import type { CliIo } from '../io';
import type { SuiteFactoryOptions } from '../registry';

/** Fails with one line when valgrind cannot be run. */
export async function requireValgrind(): Promise<void> {
  const check = await checkValgrind();
  if (!check.ok)
    throw new CliError(`--measure instructions: ${check.reason} (kaizen-bench doctor checks it)`);
}

/** The built module the child processes import (dist/instructions-source.js, beside the bundles). */
function sourceModulePath(): string {
  const candidates = ['./instructions-source.js', '../dist/instructions-source.js'].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new CliError(
      `--measure instructions needs ${candidates[1]}: build the CLI (pnpm turbo run build --filter=@kaizen-bench/cli...)`,
    );
  }
  return found;
}

/**
 * The harness's instruction options for one suite of the run: the child re-creates it through
 * `createSuiteForInstructions` with the same factory options (or the same `--suite-file`).
 */
export function instructionsOptionsFor(
  suite: { id: string; suiteFile?: string },
  factoryOptions: SuiteFactoryOptions,
  io: CliIo,
): InstructionsOptions {
  const argument: InstructionsSuiteArgument =
    suite.suiteFile !== undefined
      ? { suiteFile: resolve(suite.suiteFile), factoryOptions }
      : { suiteId: suite.id, factoryOptions };
  return {
    source: { module: sourceModulePath(), export: 'createSuiteForInstructions', argument },
    onProgress: (event) => {
      const what = `${event.suiteId}/${event.benchmarkId} rep ${event.repetition}/${event.repetitions}`;
      const outcome =
        event.outcome.status === 'ok'
          ? `${Math.round(event.outcome.instructionsPerIteration).toLocaleString('en-US')} instructions/iteration`
          : `${event.outcome.status}: ${event.outcome.reason}`;
      io.stderr.write(
        `${pc.dim('[instructions]')} ${what}: ${outcome} (${(event.durationMs / 1000).toFixed(1)} s)\n`,
      );
    },
  };
}

/**
 * Before a `run --measure instructions`: one-line errors for what it cannot do (repetitions, other
 * subjects) and for a missing valgrind.
 */
export async function checkInstructionsRun(
  options: { repeat?: number },
  onlyDefaultSubject: boolean,
): Promise<void> {
  if (options.repeat !== undefined && options.repeat > 1) {
    throw new CliError(
      '--measure instructions repeats each benchmark in fresh processes itself (3 times, reporting the spread): drop --repeat',
    );
  }
  if (!onlyDefaultSubject) {
    throw new CliError('--measure instructions counts the default subject only: drop --subject');
  }
  await requireValgrind();
}

/** True (after one line on stderr) when an instruction count failed: a CI gate on counts must not pass then. */
export function instructionCountsFailed(results: readonly SuiteResult[], io: CliIo): boolean {
  const failed = results.flatMap((suite) =>
    suite.benchmark_results
      .filter((bench) => bench.status === 'ok' && bench.instructions?.status === 'failed')
      .map((bench) => `${suite.suite_id}/${bench.id}`),
  );
  if (failed.length > 0) io.stderr.write(`instruction count failed: ${failed.join(', ')}\n`);
  return failed.length > 0;
}
