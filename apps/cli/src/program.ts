import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import { addAbCommand } from './commands/ab';
import { compareCommand } from './commands/compare';
import { doctorCommand } from './commands/doctor';
import { exportCommand } from './commands/export';
import { listCommand } from './commands/list';
import { DEFAULT_RESULTS_DIR, reportCommand } from './commands/report';
import { runCommand } from './commands/run';
import { colorEnabled, useColors } from './colors';
import { BUSY_CPU_PRESSURE, SESSION_DRIFT } from './compare-repetitions';
import { CliError, ExitCode } from './errors';
import { type CliIo, processIo } from './io';
import { integerOption, percentOption } from './parse-options';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Builds the `kaizen-bench` program; each action stores its exit code in `setExit`. */
function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('kaizen-bench')
    .description(
      'Benchmarks for AI-agent runtimes: 7 suites x 3 benchmarks, with statistics, ratings and comparison.',
    )
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  program
    .command('run')
    .description('run suites (all by default) and write <out>/<suite id>_results.json for each')
    .argument('[suites...]', 'suites by number (6), name (checkpoints) or id (suite6_checkpoints)')
    .option(
      '-n, --iterations <n>',
      'measured iterations per benchmark (overrides each default)',
      integerOption('--iterations', 1),
    )
    .option('-w, --warmup <n>', 'warmup iterations per benchmark', integerOption('--warmup', 0))
    .option('-q, --quick', 'smoke profile: at most 10 measured iterations and 1 warmup')
    .option(
      '--target-ci <percent>',
      'sample until the 95% CI half-width is within this percent of the mean (time-to-confidence)',
      percentOption('--target-ci'),
    )
    .option(
      '--max-iterations <n>',
      'with --target-ci: the most samples per benchmark (default 5x its iterations, at least 100)',
      integerOption('--max-iterations', 1),
    )
    .option('-s, --seed <n>', 'seed of every workload generator', integerOption('--seed', 0), 42)
    .option('-o, --out <dir>', 'results directory', 'benchmarks/results')
    .addOption(
      new Option('-f, --format <format>', 'output on stdout')
        .choices(['table', 'json', 'markdown'])
        .default('table'),
    )
    .option('--no-monitor', 'do not sample CPU, memory and threads')
    .addOption(
      new Option('--fail-on <rating>', 'exit 1 when a benchmark is rated this or worse').choices([
        'needs_work',
        'good',
      ]),
    )
    .option(
      '--suite-file <path...>',
      'also run suites exported by these modules (default export: a harness suite)',
    )
    .addOption(
      new Option('--llm <engine>', 'LLM for the LLM suites: Ollama if ready, else embedded')
        .choices(['auto', 'ollama', 'embedded'])
        .default('auto'),
    )
    .option('--ollama-host <url>', 'Ollama server (default: $OLLAMA_HOST or http://127.0.0.1:11434)')
    .option('--model <name>', 'Ollama model of the LLM suites', 'llama3.2:1b')
    .option('--model-file <path>', 'GGUF file for the embedded engine (default: the generated tiny model)')
    .option('--pg-url <url>', 'PostgreSQL for the memory suite (default: $KAIZEN_BENCH_PG_URL, else SQLite)')
    .option(
      '--subject <names>',
      'run each suite once per subject, comma-separated, and print them side by side (kaizen-bench list --subjects)',
      'kaizen',
    )
    .option(
      '--github-benchmark <file>',
      'also write one github-action-benchmark (customSmallerIsBetter) file for all suites of the run',
    )
    .option(
      '--repeat <n>',
      'run each suite n times, each in a fresh process, and merge them (compare needs >= 4; CI: 5)',
      integerOption('--repeat', 1),
      1,
    )
    .option(
      '--report',
      'also write <out>/report.html: an HTML report of the run with charts (kaizen-bench report)',
    )
    .addOption(
      new Option(
        '--measure <kind>',
        'instructions: also count instructions per iteration under valgrind (3 fresh processes per benchmark, spread reported)',
      )
        .choices(['time', 'instructions'])
        .default('time'),
    )
    .action(async (suites: string[], options) => setExit(await runCommand(suites, options, io)));

  program
    .command('list')
    .description('list suites and benchmarks with what each measures and its targets')
    .option('--json', 'print as JSON')
    .option('--subjects', 'list the subjects `run --subject` takes instead')
    .action(async (options) => setExit(await listCommand(options, io)));

  program
    .command('doctor')
    .description('check this machine can run every benchmark, and say how to fix what is missing')
    .option('-o, --out <dir>', 'results directory to check', 'benchmarks/results')
    .option('--ollama-host <url>', 'Ollama server (default: $OLLAMA_HOST or http://127.0.0.1:11434)')
    .option('--model <name>', 'Ollama model the execution suite uses', 'llama3.2:1b')
    .option('--pg-url <url>', 'PostgreSQL server to check (default: $KAIZEN_BENCH_PG_URL)')
    .action(async (options) => setExit(await doctorCommand(options, io)));

  program
    .command('export')
    .description("write results (files or directories) in another tool's format, one file for all suites")
    .argument('<results...>', 'results files or directories of a run')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['github-benchmark'])
        .default('github-benchmark'),
    )
    .requiredOption('-o, --out <file>', 'file to write (atomically)')
    .action(async (paths: string[], options) => setExit(await exportCommand(paths, options, io)));

  program
    .command('compare')
    .description(
      'compare two runs (results files or directories) over their repetitions (run --repeat 5): change, p-value, verdict',
    )
    .argument('<baseline>', 'results file or directory of the earlier run')
    .argument('<current>', 'results file or directory of the later run')
    .option(
      '-t, --threshold <percent>',
      'changes smaller than this are "unchanged"',
      percentOption('--threshold'),
      0.05,
    )
    .addOption(new Option('-f, --format <format>', 'output').choices(['table', 'json']).default('table'))
    .option('--fail-on-regression', 'exit 1 when a benchmark got significantly slower beyond the threshold')
    .option(
      '--max-cpu-pressure <percent>',
      'runs that did not overlap in time get no slower/faster when a repetition saw more CPU pressure than this (100: off)',
      percentOption('--max-cpu-pressure'),
      BUSY_CPU_PRESSURE,
    )
    .option(
      '--session-drift <percent>',
      'runs that did not overlap in time get no slower/faster for a change within this (0: off; kaizen-bench ab is not affected)',
      percentOption('--session-drift'),
      SESSION_DRIFT,
    )
    .addOption(
      new Option(
        '--measure <kind>',
        'instructions: compare the instruction counts of runs made with run --measure instructions (try --threshold 1)',
      )
        .choices(['time', 'instructions'])
        .default('time'),
    )
    .action(async (baseline: string, current: string, options) =>
      setExit(await compareCommand(baseline, current, { failOnRegression: false, ...options }, io)),
    );

  addAbCommand(program, io, setExit);

  program
    .command('report')
    .description(
      'write a self-contained HTML report (charts, floors, ratings) of one run, or of two with a comparison view',
    )
    .argument('[results...]', 'results directory or file; two to compare (baseline, current)', [
      DEFAULT_RESULTS_DIR,
    ])
    .option('-o, --out <file>', 'HTML file to write (default: report.html in the last results directory)')
    .option(
      '-t, --threshold <percent>',
      'with two runs: changes smaller than this are "unchanged"',
      percentOption('--threshold'),
      0.05,
    )
    .action(async (paths: string[], options) => setExit(await reportCommand(paths, options, io)));

  return program;
}

/**
 * Runs the CLI on `argv` (without the node and script entries) and resolves to the exit code:
 * 0 ok, 1 a benchmark failed or a gate tripped, 2 usage error, 130 interrupted.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  useColors(colorEnabled(io.stdout, io.env));
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    // `pnpm bench -- --quick` passes the `--` through; no argument of ours starts with `-`, so drop it.
    await program.parseAsync(
      argv.filter((arg) => arg !== '--'),
      { from: 'user' },
    );
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error, already printed.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof CliError) {
      io.stderr.write(`kaizen-bench: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
