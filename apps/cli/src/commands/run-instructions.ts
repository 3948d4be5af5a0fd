// `run --measure instructions`: what the CLI adds to the harness's instruction counting (valgrind check, how
// a child process finds the suite again, progress lines).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LlmChoice, resolveProvider, serveProvider } from '@kaizen-bench/agent';
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
  // Beside the bundles (dist/*.js), or from this source file (src/commands/) in tests.
  const candidates = ['./instructions-source.js', '../../dist/instructions-source.js'].map((rel) =>
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

/** Where the counted child processes of an LLM suite find the model, and what their counts therefore leave out. */
export interface InstructionsLlm {
  llm: LlmChoice;
  note: string;
  /** Stops serving the model (and closes it). */
  close(): Promise<void>;
}

/**
 * For a suite whose benchmarks load or call the LLM (`callsLlm`): its model must not run inside the counted child.
 * There, under valgrind, one Long-Running call of the tiny model is ~4 G instructions and minutes, and the
 * runtime's own work would be ~5% of the count, so a 20% slower runtime would move it 1%. An embedded model
 * is therefore loaded here, in the CLI process, and served to the children over loopback HTTP
 * (`serveProvider`); an Ollama model already runs in its own server. Either way the count is the runtime's
 * own work, its LLM client included (Lazy Init connects to the served model instead of loading it).
 */
export async function llmForInstructions(llm: LlmChoice): Promise<InstructionsLlm> {
  const resolved = await resolveProvider(llm);
  const info = resolved.provider.info();
  if (resolved.kind === 'ollama' || resolved.kind === 'served') {
    await resolved.provider.close();
    return {
      llm,
      note: `the LLM (${info.model}) ran in another process (${info.host ?? info.servedUrl}): the count is the runtime's own work, its LLM client included, not the model's`,
      close: async () => {},
    };
  }
  const served = await serveProvider(resolved.provider);
  return {
    llm: { llm: 'served', servedUrl: served.url },
    note: `the LLM (${info.model}, ${info.engine}) ran in the kaizen-bench process, served to the counted process over loopback HTTP: the count is the runtime's own work, its LLM client included, not the model's`,
    close: async () => {
      await served.close();
      await resolved.provider.close();
    },
  };
}

/**
 * The harness's instruction options for one suite of the run: the child re-creates it through
 * `createSuiteForInstructions` with the same factory options (or the same `--suite-file`), with the LLM of
 * `llm` when given (see {@link llmForInstructions}).
 */
export function instructionsOptionsFor(
  suite: { id: string; suiteFile?: string },
  baseFactoryOptions: SuiteFactoryOptions,
  io: CliIo,
  llm?: InstructionsLlm,
): InstructionsOptions {
  const factoryOptions = llm ? { ...baseFactoryOptions, llm: llm.llm } : baseFactoryOptions;
  const argument: InstructionsSuiteArgument =
    suite.suiteFile !== undefined
      ? { suiteFile: resolve(suite.suiteFile), factoryOptions }
      : { suiteId: suite.id, factoryOptions };
  return {
    source: { module: sourceModulePath(), export: 'createSuiteForInstructions', argument },
    ...(llm ? { note: llm.note } : {}),
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
