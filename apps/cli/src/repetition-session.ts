import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HarnessError,
  mergeRepetitions,
  ResultsFileError,
  readResults,
  type SuiteResult,
  writeSuiteResults,
} from '@kaizen-bench/harness';
import { childExecArgv } from './child-run';
import { pc } from './colors';
import { CliError, ExitCode } from './errors';
import type { CliIo } from './io';
import { REPETITION_CHILD_ENV } from './parent-watch';

/** Signals that stop a run like Ctrl-C, with the exit code each leads to (128 + signal number). */
export const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type StopSignal = keyof typeof STOP_SIGNALS;

/** One repetition: a `run` of one suite by one build, in a fresh process. */
export interface RepetitionJob {
  /** Which build (`a`, `b`) or `run`: repetitions of one suite on one side are merged together. */
  side: string;
  /** Where the side's merged results files go. */
  outDir: string;
  /** This repetition (1-based) and how many the side runs. */
  repetition: number;
  repetitions: number;
  /** Progress prefix, e.g. `rep 2/5` or `B 2/5`. */
  label: string;
  /** What the child runs, for the progress line, e.g. `suite6_checkpoints`. */
  suiteLabel: string;
  /** The CLI the child runs: a `bin.js` path. */
  bin: string;
  /** `run` arguments (the suite and the options), without `--out`. */
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** One suite of one side, merged over its finished repetitions and written. */
export interface MergedSuite {
  side: string;
  result: SuiteResult;
  path: string;
}

export interface SessionOutcome {
  /** Per side, in the order the suites first finished. */
  merged: MergedSuite[];
  /** The signal that stopped the session, if one did. */
  stoppedBy?: StopSignal;
  /** Set when a repetition ended abnormally (killed, crashed): what happened. */
  failure?: string;
}

interface Group {
  side: string;
  outDir: string;
  total: number;
  repetitions: SuiteResult[];
  written?: MergedSuite;
}

const codeToSignal = new Map<number, StopSignal>(
  Object.entries(STOP_SIGNALS).map(([name, code]) => [code, name as StopSignal]),
);

/**
 * Runs the jobs one after another, each as `node <bin> run <args> --out <temp dir>` in a fresh process (its
 * own process group, progress lines prefixed with the job's label), and after each one merges the finished
 * repetitions of that suite and side (`mergeRepetitions`) into `<outDir>/<suite id>_results.json`, so a kill
 * loses at most the repetition in progress. SIGINT / SIGTERM / SIGHUP are passed on to the running child,
 * which stops after its current iteration and keeps its finished benchmarks; no further job starts; a second
 * signal quits at once. A child's usage error (exit 2) is a {@link CliError}.
 */
export async function runRepetitionJobs(jobs: readonly RepetitionJob[], io: CliIo): Promise<SessionOutcome> {
  const tempRoot = await mkdtemp(join(tmpdir(), 'kaizen-bench-repeat-'));
  const groups = new Map<string, Group>();
  const order: Group[] = [];
  let stoppedBy: StopSignal | undefined;
  let failure: string | undefined;
  let running: ReturnType<typeof spawn> | undefined;

  const onSignal = (signal: StopSignal) => {
    if (stoppedBy !== undefined) {
      running?.kill(signal);
      rmSync(tempRoot, { recursive: true, force: true, maxRetries: 2 });
      process.exit(STOP_SIGNALS[stoppedBy]);
    }
    stoppedBy = signal;
    const again = signal === 'SIGINT' ? 'Ctrl-C' : 'the signal';
    io.stderr.write(
      `\n${pc.yellow('Interrupted')} (${signal}): stopping the repetition in progress after its current iteration, keeping finished repetitions (${again} again to quit at once)\n`,
    );
    running?.kill(signal);
  };
  const handlers = Object.keys(STOP_SIGNALS).map((name) => {
    const signal = name as StopSignal;
    const handler = () => onSignal(signal);
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });

  try {
    for (const [index, job] of jobs.entries()) {
      if (stoppedBy !== undefined || failure !== undefined) break;
      const dir = join(tempRoot, String(index));
      io.stderr.write(`${pc.bold(`[${job.label}]`)} ${job.suiteLabel}: fresh process\n`);
      const exit = await runChild(job, dir, io, (child) => {
        running = child;
      });
      running = undefined;
      if (exit.code === ExitCode.usage) {
        throw new CliError(
          `[${job.label}] ${job.suiteLabel}: the run stopped with a usage error (above): nothing more was run`,
        );
      }
      const stoppedWith = exit.code === null ? undefined : codeToSignal.get(exit.code);
      if (stoppedWith !== undefined) stoppedBy ??= stoppedWith;
      else if (exit.code !== ExitCode.ok && exit.code !== ExitCode.failure) {
        failure = `[${job.label}] ${job.suiteLabel}: the run ended ${exit.error ?? (exit.signal ? `by ${exit.signal}` : `with exit code ${exit.code}`)}; finished repetitions are kept`;
      }
      try {
        const results = await readDirResults(dir);
        // Exit 1 is a benchmark that failed, with results written; none written is a crash (e.g. a missing build).
        if (exit.code === ExitCode.failure && results.length === 0) {
          failure ??= `[${job.label}] ${job.suiteLabel}: the run ended with exit code 1 and wrote no results (its output is above)`;
        }
        for (const result of results) {
          const key = `${job.side}\0${result.suite_id}`;
          let group = groups.get(key);
          if (!group) {
            group = { side: job.side, outDir: job.outDir, total: job.repetitions, repetitions: [] };
            groups.set(key, group);
            order.push(group);
          }
          await writeGroup(group, [...group.repetitions, result], false);
        }
      } catch (error) {
        // E.g. a build that writes results this CLI cannot read: stop, keep what was merged so far.
        if (!(error instanceof ResultsFileError || error instanceof HarnessError)) throw error;
        failure ??= `[${job.label}] ${job.suiteLabel}: its results cannot be merged: ${error.message}`;
      }
    }
    // Marks what a stop or a failure cut short: fewer repetitions than asked is an aborted merge.
    for (const group of order) {
      if (group.repetitions.length > 0)
        await writeGroup(group, group.repetitions, stoppedBy !== undefined || failure !== undefined);
    }
  } finally {
    for (const off of handlers) off();
    await rm(tempRoot, { recursive: true, force: true, maxRetries: 2 });
  }
  if (failure !== undefined) io.stderr.write(`${pc.red('failed')} ${failure}\n`);
  return {
    merged: order.flatMap((group) => (group.written ? [group.written] : [])),
    ...(stoppedBy !== undefined ? { stoppedBy } : {}),
    ...(failure !== undefined ? { failure } : {}),
  };
}

/** Merges `repetitions` and writes them; only then are they the group's (a merge that fails changes nothing). */
async function writeGroup(group: Group, repetitions: SuiteResult[], cutShort: boolean): Promise<void> {
  const merged = mergeRepetitions(repetitions);
  if (repetitions.length < group.total) {
    merged.config.complete = false;
    if (cutShort) merged.config.aborted = true;
  }
  const path = await writeSuiteResults(merged, group.outDir);
  group.repetitions = repetitions;
  group.written = { side: group.side, result: merged, path };
}

async function readDirResults(dir: string): Promise<SuiteResult[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const results: SuiteResult[] = [];
  for (const name of names.filter((n) => n.endsWith('_results.json')).sort()) {
    results.push(await readResults(join(dir, name)));
  }
  return results;
}

interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: string;
}

/** Starts one repetition and resolves when it has exited; its stderr goes to ours, each line prefixed. */
function runChild(
  job: RepetitionJob,
  outDir: string,
  io: CliIo,
  started: (child: ReturnType<typeof spawn>) => void,
): Promise<ChildExit> {
  return new Promise((resolve) => {
    // Its own process group: a Ctrl-C in the terminal reaches only us, and we pass it on exactly once.
    // stdin stays open and unused: the child watches it to stop when we are gone (parent-watch.ts).
    const child = spawn(
      process.execPath,
      [...childExecArgv(), job.bin, 'run', ...job.args, '--out', outDir],
      {
        env: { ...job.env, [REPETITION_CHILD_ENV]: '1' },
        stdio: ['pipe', 'ignore', 'pipe'],
        detached: true,
      },
    );
    started(child);
    const prefix = `[${job.label}] `;
    let pending = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) io.stderr.write(`${prefix}${line}\n`);
    });
    child.stdin?.on('error', () => {
      // Never written to: a child gone early only closes it.
    });
    let error: string | undefined;
    let settled = false;
    const settle = (exit: ChildExit) => {
      if (settled) return;
      settled = true;
      if (pending !== '') io.stderr.write(`${prefix}${pending}\n`);
      child.stdin?.destroy();
      resolve(exit);
    };
    child.on('error', (err) => {
      error = `with an error: ${err.message}`;
      // Never started: no 'close' may follow.
      if (child.pid === undefined) settle({ code: null, signal: null, error });
    });
    child.on('close', (code, signal) => settle({ code, signal, ...(error !== undefined ? { error } : {}) }));
  });
}
