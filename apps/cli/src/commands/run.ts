import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { HarnessError, prepareResultsDir, type SuiteResult, runSuite } from '@kaizen-bench/harness';
import { pc } from '../colors';
import { CliError, ExitCode } from '../errors';
import type { CliIo } from '../io';
import { createProgressReporter } from '../progress';
import { type RegisteredSuite, type SuiteFactoryOptions, suiteRegistry } from '../registry';
import { renderSuiteTable } from '../render/suite-table';
import { selectSuites } from '../select-suites';
import { loadSuiteFile } from '../suite-file';
import { stopWhenParentGoes } from '../parent-watch';
import { STOP_SIGNALS, type StopSignal } from '../repetition-session';
import { reportRun, runExitCode } from '../finish-run';
import { runRepeated } from './run-repeated';
import {
  checkInstructionsRun,
  instructionCountsFailed,
  instructionsOptionsFor,
  llmForInstructions,
} from './run-instructions';
import { renderInstructionsTable } from '../render/instructions-table';
import { createSuiteFor, DEFAULT_SUBJECT, resolveSubjects, writeSubjectResults } from '../subjects';

export type OutputFormat = 'table' | 'json' | 'markdown';
export type FailOnRating = 'needs_work' | 'good';

export interface RunCommandOptions {
  iterations?: number;
  warmup?: number;
  quick?: boolean;
  /** Time-to-confidence target as a fraction (0.02 for `--target-ci 2`). */
  targetCi?: number;
  maxIterations?: number;
  seed: number;
  out: string;
  format: OutputFormat;
  monitor: boolean;
  failOn?: FailOnRating;
  suiteFile?: string[];
  llm: 'auto' | 'ollama' | 'embedded';
  ollamaHost?: string;
  model: string;
  modelFile?: string;
  /** PostgreSQL URL for the memory suite; `KAIZEN_BENCH_PG_URL` when not given. */
  pgUrl?: string;
  /** Also write one github-action-benchmark file for all suites of the run. */
  githubBenchmark?: string;
  /** Repetitions of each suite, each in a fresh process, merged per suite (see run-repeated.ts). @default 1 */
  repeat?: number;
  /** `--subject a,b`: run each suite once per subject (`kaizen` = the default subject). @default 'kaizen' */
  subject?: string;
  /** Also write `<out>/report.html` (see `kaizen-bench report`). */
  report?: boolean;
  /** `instructions`: also count instructions per iteration under callgrind (run-instructions.ts). @default 'time' */
  measure?: 'time' | 'instructions';
}

/**
 * `kaizen-bench run [suites...]`: runs each suite and writes `<out>/<suite id>_results.json` after each
 * finished benchmark (marked incomplete until the suite ends), prints a table (or JSON / Markdown).
 * Ctrl-C, SIGTERM or SIGHUP stop after the current iteration: finished benchmarks are kept, the one in
 * progress is left out, a suite that finished nothing leaves its earlier file untouched; a second signal
 * exits at once.
 */
export async function runCommand(
  selectors: string[],
  options: RunCommandOptions,
  io: CliIo,
): Promise<number> {
  const outDir = resolve(options.out);
  if (options.modelFile !== undefined && !existsSync(options.modelFile)) {
    throw new CliError(
      `--model-file not found: ${resolve(options.modelFile)} (give the path of a GGUF file)`,
    );
  }
  const factoryOptions: SuiteFactoryOptions = {
    llm: {
      llm: options.llm,
      ollamaHost: options.ollamaHost,
      model: options.model,
      modelFile: options.modelFile,
    },
    pgUrl: options.pgUrl || io.env['KAIZEN_BENCH_PG_URL'] || undefined,
  };
  if (options.targetCi !== undefined && !(options.targetCi > 0 && options.targetCi < 1)) {
    throw new CliError(
      `--target-ci must be a percentage above 0 and below 100, got ${options.targetCi * 100}: try --target-ci 2`,
    );
  }
  if (options.maxIterations !== undefined && options.targetCi === undefined) {
    throw new CliError(
      '--max-iterations only applies with --target-ci: add e.g. --target-ci 2, or use --iterations',
    );
  }
  const fromFiles: RegisteredSuite[] = [];
  for (const file of options.suiteFile ?? []) fromFiles.push(await loadSuiteFile(file, factoryOptions));
  const suites =
    fromFiles.length > 0 && selectors.length === 0
      ? fromFiles
      : [...selectSuites(selectors, suiteRegistry), ...fromFiles];
  if (suites.length === 0)
    throw new CliError('no suite to run: no suite package is registered and no --suite-file was given');
  try {
    await prepareResultsDir(outDir);
  } catch (error) {
    if (error instanceof HarnessError)
      throw new CliError(`--out: ${error.message}`, ExitCode.usage, { cause: error });
    throw error;
  }
  const subjects = await resolveSubjects(options.subject ?? DEFAULT_SUBJECT, factoryOptions.pgUrl);
  const onlyDefault = subjects.length === 1 && subjects[0] === DEFAULT_SUBJECT;
  if (!onlyDefault && options.repeat !== undefined && options.repeat > 1) {
    throw new CliError('--repeat runs the default subject only: drop --subject, or drop --repeat');
  }
  if (options.measure === 'instructions') await checkInstructionsRun(options, onlyDefault);
  if (options.repeat !== undefined && options.repeat > 1)
    return runRepeated(suites, fromFiles, { ...options, repeat: options.repeat }, outDir, io);

  const controller = new AbortController();
  let stoppedBy: StopSignal | undefined;
  const onSignal = (signal: StopSignal) => {
    if (controller.signal.aborted) process.exit(STOP_SIGNALS[stoppedBy ?? signal]);
    stoppedBy = signal;
    const again = signal === 'SIGINT' ? 'Ctrl-C' : 'the signal';
    io.stderr.write(
      `\n${pc.yellow('Interrupted')} (${signal}): stopping after the current iteration, keeping finished benchmarks (${again} again to quit at once)\n`,
    );
    controller.abort();
  };
  const handlers = Object.keys(STOP_SIGNALS).map((name) => {
    const signal = name as StopSignal;
    const handler = () => onSignal(signal);
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  // A repetition of `run --repeat` / `ab` stops like on SIGHUP when its parent is gone.
  const unwatchParent = stopWhenParentGoes(io.env, () => onSignal('SIGHUP'));
  const live = Boolean(io.stderr.isTTY) && io.env.CI !== 'true' && options.format === 'table';
  const reporter = createProgressReporter(io.stderr, { live });

  const results: SuiteResult[] = [];
  const startedAt = new Date();
  const t0 = performance.now();
  try {
    for (const { entry, subject } of suites.flatMap((entry) =>
      subjects.map((subject) => ({ entry, subject })),
    )) {
      if (controller.signal.aborted) break;
      const suite = await createSuiteFor(entry, subject, factoryOptions, (line) =>
        io.stderr.write(`${line}\n`),
      );
      if (!suite) {
        io.stderr.write(
          `${pc.yellow('not offered')}: subject ${subject} has no ${entry.name} suite; going on\n`,
        );
        continue;
      }
      // Counted children of an LLM suite use the model served from here (llmForInstructions).
      const instructionsLlm =
        options.measure === 'instructions' && entry.callsLlm
          ? await llmForInstructions(factoryOptions.llm)
          : undefined;
      const result = await runSuite(suite, {
        seed: options.seed,
        iterations: options.iterations,
        warmup: options.warmup,
        profile: options.quick ? 'quick' : 'default',
        ...(options.targetCi !== undefined
          ? { targetCiPercent: Math.round(options.targetCi * 1e11) / 1e9 }
          : {}),
        ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
        monitor: options.monitor,
        signal: controller.signal,
        reporter,
        ...(options.measure === 'instructions'
          ? {
              instructions: instructionsOptionsFor(
                { id: entry.id, suiteFile: options.suiteFile?.[fromFiles.indexOf(entry)] },
                factoryOptions,
                io,
                instructionsLlm,
              ),
            }
          : {}),
        // After each finished benchmark: a kill loses at most the benchmark in progress.
        onPartialResult: async (partial) => {
          await writeSubjectResults(partial, outDir);
        },
      }).finally(() => instructionsLlm?.close());
      // A suite stopped before any benchmark finished leaves an earlier results file as it was.
      if (result.config.aborted && result.benchmark_results.length === 0) break;
      const path = await writeSubjectResults(result, outDir);
      results.push(result);
      if (options.format === 'table') {
        io.stdout.write(
          `\n${onlyDefault ? '' : `${pc.bold(`[${subject}]`)} `}${renderSuiteTable(result)}\n${pc.dim(`results: ${path}`)}\n\n`,
        );
        if (options.measure === 'instructions') io.stdout.write(`${renderInstructionsTable(result)}\n\n`);
      } else io.stderr.write(`results: ${path}\n`);
    }
  } finally {
    for (const off of handlers) off();
    unwatchParent();
  }

  await reportRun(results, options, io, {
    outDir,
    startedAt,
    startedMs: t0,
    aborted: stoppedBy !== undefined,
  });
  if (stoppedBy) return STOP_SIGNALS[stoppedBy];
  const code = runExitCode(results, options, io);
  if (code === ExitCode.ok && options.measure === 'instructions' && instructionCountsFailed(results, io))
    return ExitCode.failure;
  return code;
}
