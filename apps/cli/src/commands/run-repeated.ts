import { resolve } from 'node:path';
import type { SuiteResult } from '@kaizen-bench/harness';
import { forwardedRunArgs, ownBinPath } from '../child-run';
import { pc } from '../colors';
import { ExitCode } from '../errors';
import { reportRun, runExitCode } from '../finish-run';
import type { CliIo } from '../io';
import type { RegisteredSuite } from '../registry';
import { renderSuiteTable } from '../render/suite-table';
import { type RepetitionJob, runRepetitionJobs, STOP_SIGNALS } from '../repetition-session';
import type { RunCommandOptions } from './run';

/**
 * `run --repeat N` (N >= 2): each suite runs N times, each repetition a fresh process of this CLI (`run` with
 * the same options, into a temp directory), interleaved across suites (repetition 1 of every suite, then
 * repetition 2, ...). Per suite, the repetitions are merged (`mergeRepetitions`) into
 * `<out>/<suite id>_results.json`, rewritten after each repetition. Then the same output as a single run.
 * @param suites what `run` selected, in order; `fromFiles` those of them loaded from `--suite-file`
 */
export async function runRepeated(
  suites: readonly RegisteredSuite[],
  fromFiles: readonly RegisteredSuite[],
  options: RunCommandOptions & { repeat: number },
  outDir: string,
  io: CliIo,
): Promise<number> {
  const bin = ownBinPath();
  const forwarded = forwardedRunArgs(options);
  const files = options.suiteFile ?? [];
  const jobs: RepetitionJob[] = [];
  for (let repetition = 1; repetition <= options.repeat; repetition++) {
    for (const suite of suites) {
      const fileIndex = fromFiles.indexOf(suite);
      const selector = fileIndex >= 0 ? ['--suite-file', resolve(files[fileIndex] as string)] : [suite.id];
      jobs.push({
        side: 'run',
        outDir,
        repetition,
        repetitions: options.repeat,
        label: `rep ${repetition}/${options.repeat}`,
        suiteLabel: suite.id,
        bin,
        args: [...selector, ...forwarded],
        env: io.env,
      });
    }
  }

  const startedAt = new Date();
  const t0 = performance.now();
  const outcome = await runRepetitionJobs(jobs, io);
  const results: SuiteResult[] = outcome.merged.map((merged) => merged.result);
  for (const merged of outcome.merged) {
    if (options.format === 'table')
      io.stdout.write(`\n${renderSuiteTable(merged.result)}\n${pc.dim(`results: ${merged.path}`)}\n\n`);
    else io.stderr.write(`results: ${merged.path}\n`);
  }
  const aborted = outcome.stoppedBy !== undefined || outcome.failure !== undefined;
  await reportRun(results, options, io, { outDir, startedAt, startedMs: t0, aborted });
  if (outcome.stoppedBy) return STOP_SIGNALS[outcome.stoppedBy];
  if (outcome.failure !== undefined) return ExitCode.failure;
  return runExitCode(results, options, io);
}
