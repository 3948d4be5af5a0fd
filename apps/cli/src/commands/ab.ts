import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  HarnessError,
  prepareResultsDir,
  type SuiteResult,
  summarizeRun,
  writeRunSummary,
} from '@kaizen-bench/harness';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type ForwardedRunOptions, forwardedRunArgs } from '../child-run';
import { pc } from '../colors';
import { MIN_REPETITIONS, RECOMMENDED_REPETITIONS } from '../compare-repetitions';
import { CliError, ExitCode } from '../errors';
import type { CliIo } from '../io';
import { integerOption, percentOption } from '../parse-options';
import { suiteRegistry } from '../registry';
import { type RepetitionJob, runRepetitionJobs, STOP_SIGNALS } from '../repetition-session';
import { selectSuites } from '../select-suites';
import { loadSuiteFile } from '../suite-file';
import { printComparison } from './compare';

export interface AbCommandOptions extends ForwardedRunOptions {
  /** Repetitions per side. */
  repeat: number;
  out: string;
  /** Fraction: changes within it count as unchanged. */
  threshold: number;
  format: 'table' | 'json';
  failOnRegression: boolean;
  suiteFile?: string[];
  /** `KEY=VALUE` pairs set only in build A's (B's) processes. */
  envA: string[];
  envB: string[];
}

/** Where a build's CLI is, relative to a directory given for `<a>` / `<b>`, in the order tried. */
const BIN_CANDIDATES = ['apps/cli/dist/bin.js', 'node_modules/@kaizen-bench/cli/dist/bin.js', 'dist/bin.js'];

/**
 * The `bin.js` of a build: the path itself when it is a file, else the first of a workspace checkout's
 * `apps/cli/dist/bin.js`, an install's `node_modules/@kaizen-bench/cli/dist/bin.js` or a CLI package's
 * `dist/bin.js` under it.
 */
export function resolveBuildBin(path: string, role: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute) && statSync(absolute).isFile()) return absolute;
  const tried = BIN_CANDIDATES.map((candidate) => join(absolute, candidate));
  const found = tried.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new CliError(
    `build ${role} not found: none of ${tried.join(', ')} exists: build the CLI in that checkout (pnpm turbo run build --filter=@kaizen-bench/cli...), install @kaizen-bench/cli there, or give the path of a bin.js`,
  );
}

/** Commander collector for a repeatable `KEY=VALUE` option. */
function envPair(name: string) {
  return (value: string, previous: string[] = []): string[] => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) {
      throw new InvalidArgumentError(`${name} must be KEY=VALUE (e.g. FIXTURE_WORK_MS=3), got "${value}".`);
    }
    return [...previous, value];
  };
}

function envOf(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

/** Adds `kaizen-bench ab` to the program. */
export function addAbCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('ab')
    .description(
      'A/B test two builds on this machine: run them alternately (A B, B A, ...) in fresh processes, merge each side, compare',
    )
    .argument(
      '<a>',
      'build A (the baseline): a workspace checkout, a directory with node_modules/@kaizen-bench/cli, or a bin.js',
    )
    .argument('<b>', 'build B (the change), the same forms as <a>')
    .argument('[suites...]', 'suites by number, name or id (all by default), resolved by this CLI')
    .option('-r, --repeat <n>', 'repetitions per side', integerOption('--repeat', 1), RECOMMENDED_REPETITIONS)
    .option('-o, --out <dir>', 'results: <out>/a and <out>/b, one merged file per suite', 'benchmarks/ab')
    .option(
      '-t, --threshold <percent>',
      'changes smaller than this are "unchanged"',
      percentOption('--threshold'),
      0.05,
    )
    .option('--fail-on-regression', 'exit 1 when a benchmark got significantly slower beyond the threshold')
    .addOption(new Option('-f, --format <format>', 'output').choices(['table', 'json']).default('table'))
    .option(
      '--env-a <KEY=VALUE>',
      "set a variable in build A's processes only (repeatable)",
      envPair('--env-a'),
      [],
    )
    .option(
      '--env-b <KEY=VALUE>',
      "set a variable in build B's processes only (repeatable)",
      envPair('--env-b'),
      [],
    )
    .option('--suite-file <path...>', 'also run suites exported by these modules, on both sides')
    .option('-n, --iterations <n>', 'measured iterations per benchmark', integerOption('--iterations', 1))
    .option('-w, --warmup <n>', 'warmup iterations per benchmark', integerOption('--warmup', 0))
    .option('-q, --quick', 'smoke profile: at most 10 measured iterations and 1 warmup')
    .option('--target-ci <percent>', 'time-to-confidence target, as for run', percentOption('--target-ci'))
    .option(
      '--max-iterations <n>',
      'with --target-ci: the most samples',
      integerOption('--max-iterations', 1),
    )
    .option('-s, --seed <n>', 'seed of every workload generator', integerOption('--seed', 0), 42)
    .option('--no-monitor', 'do not sample CPU, memory and threads')
    .addOption(
      new Option('--llm <engine>', 'LLM for the LLM suites')
        .choices(['auto', 'ollama', 'embedded'])
        .default('auto'),
    )
    .option('--ollama-host <url>', 'Ollama server (default: $OLLAMA_HOST or http://127.0.0.1:11434)')
    .option('--model <name>', 'Ollama model of the LLM suites', 'llama3.2:1b')
    .option('--model-file <path>', 'GGUF file for the embedded engine')
    .option('--pg-url <url>', 'PostgreSQL for the memory suite (default: $KAIZEN_BENCH_PG_URL)')
    .action(async (a: string, b: string, suites: string[], options) =>
      setExit(await abCommand(a, b, suites, { failOnRegression: false, ...options }, io)),
    );
}

/**
 * `kaizen-bench ab <a> <b> [suites...]`: runs each suite `--repeat` times per build, alternating the builds
 * (A B, then B A, ...: drift on the machine and the order of the two hit both alike), each run a fresh
 * process of that build's CLI. Merges each side per suite into `<out>/a` and `<out>/b`, then prints the
 * comparison as `compare` does.
 */
export async function abCommand(
  aPath: string,
  bPath: string,
  selectors: string[],
  options: AbCommandOptions,
  io: CliIo,
): Promise<number> {
  const bins = { a: resolveBuildBin(aPath, 'A'), b: resolveBuildBin(bPath, 'B') };
  const files = (options.suiteFile ?? []).map((file) => resolve(file));
  // Loaded here too: a bad file is a usage error before anything runs, and progress names its suite id.
  const fileSuites = [];
  for (const file of files) {
    const suite = await loadSuiteFile(file, {
      llm: {
        llm: options.llm,
        ollamaHost: options.ollamaHost,
        model: options.model,
        modelFile: options.modelFile,
      },
      ...(options.pgUrl ? { pgUrl: options.pgUrl } : {}),
    });
    fileSuites.push({ label: suite.id, args: ['--suite-file', file] });
  }
  // Suites by this CLI's registry; each repetition runs one suite, so both builds must know it.
  const suites: Array<{ label: string; args: string[] }> = [
    ...(files.length > 0 && selectors.length === 0 ? [] : selectSuites(selectors, suiteRegistry)).map(
      (suite) => ({ label: suite.id, args: [suite.id] }),
    ),
    ...fileSuites,
  ];
  if (suites.length === 0) throw new CliError('no suite to run: name suites or give --suite-file');
  const out = { a: join(resolve(options.out), 'a'), b: join(resolve(options.out), 'b') };
  for (const dir of Object.values(out)) {
    try {
      await prepareResultsDir(dir);
    } catch (error) {
      if (error instanceof HarnessError)
        throw new CliError(`--out: ${error.message}`, ExitCode.usage, { cause: error });
      throw error;
    }
  }
  if (options.repeat < MIN_REPETITIONS) {
    io.stderr.write(
      `${pc.yellow('note')}: --repeat ${options.repeat} is below ${MIN_REPETITIONS} per side: every verdict will be inconclusive (use --repeat ${RECOMMENDED_REPETITIONS})\n`,
    );
  }

  const forwarded = forwardedRunArgs(options);
  const env = { a: { ...io.env, ...envOf(options.envA) }, b: { ...io.env, ...envOf(options.envB) } };
  const jobs: RepetitionJob[] = [];
  for (let repetition = 1; repetition <= options.repeat; repetition++) {
    const sides = repetition % 2 === 1 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const suite of suites) {
      for (const side of sides) {
        jobs.push({
          side,
          outDir: out[side],
          repetition,
          repetitions: options.repeat,
          label: `${side.toUpperCase()} ${repetition}/${options.repeat}`,
          suiteLabel: suite.label,
          bin: bins[side],
          args: [...suite.args, ...forwarded],
          env: env[side],
        });
      }
    }
  }

  const startedAt = new Date();
  const t0 = performance.now();
  const outcome = await runRepetitionJobs(jobs, io);
  const sideResults = (side: 'a' | 'b'): SuiteResult[] =>
    outcome.merged.filter((merged) => merged.side === side).map((merged) => merged.result);
  for (const side of ['a', 'b'] as const) {
    const results = sideResults(side);
    if (results.length === 0) continue;
    const summary = summarizeRun(results, {
      startedAt,
      totalDurationSeconds: (performance.now() - t0) / 1000,
      aborted: outcome.stoppedBy !== undefined || outcome.failure !== undefined,
    });
    await writeRunSummary(summary, out[side]);
    io.stderr.write(`${side.toUpperCase()} (${bins[side]}): results in ${out[side]}\n`);
  }

  let code: number = ExitCode.ok;
  if (sideResults('a').length > 0 && sideResults('b').length > 0) {
    code = printComparison(
      sideResults('a'),
      sideResults('b'),
      { threshold: options.threshold, format: options.format, failOnRegression: options.failOnRegression },
      io,
    );
  } else {
    io.stderr.write('nothing to compare: a side finished no repetition\n');
  }
  if (outcome.stoppedBy) return STOP_SIGNALS[outcome.stoppedBy];
  if (outcome.failure !== undefined) return ExitCode.failure;
  const failed = outcome.merged.some((merged) =>
    merged.result.benchmark_results.some((bench) => bench.status === 'failed'),
  );
  return failed ? ExitCode.failure : code;
}
