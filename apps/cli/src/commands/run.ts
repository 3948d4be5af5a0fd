import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type SuiteResult, runSuite, toMarkdown, writeSuiteResults } from '@kaizen-bench/harness';
import pc from 'picocolors';
import { CliError, ExitCode } from '../errors';
import type { CliIo } from '../io';
import { createProgressReporter } from '../progress';
import { type RegisteredSuite, type SuiteFactoryOptions, suiteRegistry } from '../registry';
import { renderSuiteTable } from '../render/suite-table';
import { selectSuites } from '../select-suites';
import { loadSuiteFile } from '../suite-file';

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
}

/** Ratings that trip `--fail-on`: `needs_work` fails on needs_work only; `good` also fails on good. */
const failingRatings: Record<FailOnRating, readonly string[]> = {
  needs_work: ['needs_work'],
  good: ['needs_work', 'good'],
};

/**
 * `kaizen-bench run [suites...]`: runs each suite, writes `<out>/<suite id>_results.json` after each one,
 * prints a table (or JSON / Markdown). Ctrl-C stops after the current iteration and keeps finished results.
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

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    io.stderr.write(
      `\n${pc.yellow('Interrupted')}: stopping after the current iteration (Ctrl-C again to quit at once)\n`,
    );
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const live = Boolean(io.stderr.isTTY) && io.env.CI !== 'true' && options.format === 'table';
  const reporter = createProgressReporter(io.stderr, { live });

  const results: SuiteResult[] = [];
  try {
    for (const entry of suites) {
      if (controller.signal.aborted) break;
      const suite = await entry.create(factoryOptions);
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
      });
      const path = await writeSuiteResults(result, outDir);
      results.push(result);
      if (options.format === 'table')
        io.stdout.write(`\n${renderSuiteTable(result)}\n${pc.dim(`results: ${path}`)}\n\n`);
      else io.stderr.write(`results: ${path}\n`);
    }
  } finally {
    process.off('SIGINT', onSigint);
  }

  if (options.format === 'json') io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  if (options.format === 'markdown')
    io.stdout.write(`${results.map((result) => toMarkdown(result)).join('\n\n')}\n`);

  if (controller.signal.aborted) return ExitCode.interrupted;
  const all = results.flatMap((result) => result.benchmark_results);
  if (all.some((result) => result.status === 'failed')) return ExitCode.failure;
  if (options.failOn) {
    const failing = failingRatings[options.failOn];
    const tripped = all.filter((result) => result.status === 'ok' && failing.includes(result.rating));
    if (tripped.length > 0) {
      io.stderr.write(`--fail-on ${options.failOn}: ${tripped.map((result) => result.name).join(', ')}\n`);
      return ExitCode.failure;
    }
  }
  return ExitCode.ok;
}
