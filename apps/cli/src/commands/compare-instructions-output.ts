import type { SuiteResult } from '@kaizen-bench/harness';
import { pc } from '../colors';
import { compareInstructionRuns, type InstructionComparison } from '../compare-instructions';
import { CliError, ExitCode } from '../errors';
import type { CliIo } from '../io';
import { formatPercent, renderColumns } from '../render/format';
import { formatInstructions, formatSpread } from '../render/instructions-table';

const colour = (verdict: NonNullable<InstructionComparison['verdict']>) =>
  ({ faster: pc.green, slower: pc.red, unchanged: pc.dim, inconclusive: pc.yellow })[verdict];

/** One line: e.g. `verdict: slower - 1 slower (suite6_checkpoints/checkpoint_save), 2 unchanged`. */
export function instructionsVerdictLine(pairs: readonly InstructionComparison[]): string {
  const by = (v: InstructionComparison['verdict']) => pairs.filter((p) => p.verdict === v);
  const named = (list: InstructionComparison[]) =>
    list.map((p) => `${p.suite_id}/${p.benchmark_id}`).join(', ');
  const parts = [
    by('slower').length > 0 ? `${by('slower').length} slower (${named(by('slower'))})` : '',
    by('faster').length > 0 ? `${by('faster').length} faster (${named(by('faster'))})` : '',
    by('unchanged').length > 0 ? `${by('unchanged').length} unchanged` : '',
    by('inconclusive').length > 0 ? `${by('inconclusive').length} inconclusive` : '',
    by(null).length > 0 ? `${by(null).length} not comparable` : '',
  ].filter(Boolean);
  const headline =
    by('slower').length > 0 ? 'slower' : by('faster').length > 0 ? 'faster' : 'no significant change';
  return `verdict: ${headline} - ${parts.join(', ')}`;
}

/**
 * `compare --measure instructions`: prints the instruction counts of both runs with the change, the measured
 * spread and a verdict per benchmark; returns 1 with `failOnRegression` when one is `slower`.
 */
export function printInstructionComparison(
  baseline: readonly SuiteResult[],
  current: readonly SuiteResult[],
  options: { threshold: number; format: 'table' | 'json'; failOnRegression: boolean },
  io: CliIo,
): number {
  const pairs = compareInstructionRuns(baseline, current, options.threshold);
  if (pairs.length === 0) {
    throw new CliError('baseline and current share no benchmark: compare results of the same suites');
  }
  if (options.format === 'json') {
    io.stdout.write(
      `${JSON.stringify({ measure: 'instructions', threshold: options.threshold, benchmarks: pairs }, null, 2)}\n`,
    );
  } else {
    const rows = pairs.map((p) => [
      `${p.suite_id} / ${p.name}${p.cost_kind === 'waiting' ? '*' : ''}`,
      p.baseline === null ? '-' : formatInstructions(p.baseline),
      p.current === null ? '-' : formatInstructions(p.current),
      p.change === null ? '-' : formatPercent(p.change),
      p.spread === null ? '-' : formatSpread(p.spread),
      p.verdict ? colour(p.verdict)(p.verdict) : pc.dim('-'),
    ]);
    io.stdout.write(
      `${renderColumns(['benchmark', 'instr before', 'instr after', 'change', 'spread', 'verdict'], rows)}\n`,
    );
    for (const p of pairs)
      if (p.reason)
        io.stdout.write(
          `${p.verdict ? pc.yellow(p.verdict) : pc.dim('note')} (${p.suite_id} / ${p.name}): ${p.reason}\n`,
        );
    if (pairs.some((p) => p.cost_kind === 'waiting'))
      io.stdout.write(pc.dim('* mostly waiting: only its CPU part is counted\n'));
    io.stdout.write(
      pc.dim(
        `threshold ${(options.threshold * 100).toFixed(1)}%; instructions per iteration under callgrind; beyond the threshold, a change is real when the repetitions of the two sides do not overlap\n`,
      ),
    );
    io.stdout.write(`${instructionsVerdictLine(pairs)}\n`);
  }
  const regressions = pairs.filter((p) => p.verdict === 'slower');
  if (options.failOnRegression && regressions.length > 0) {
    io.stderr.write(`regression: ${regressions.map((p) => `${p.suite_id}/${p.benchmark_id}`).join(', ')}\n`);
    return ExitCode.failure;
  }
  return ExitCode.ok;
}
