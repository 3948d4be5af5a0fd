import type { OkBenchmarkResult, SuiteResult } from '@kaizen-bench/harness';
import { pc } from '../colors';
import { renderColumns } from './format';

/** An instruction count with thousands separators: 4338123.4 -> "4,338,123". */
export function formatInstructions(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** A spread (fraction) as a percent with two significant digits: 3.1e-7 -> "0.000031%". */
export function formatSpread(fraction: number): string {
  return fraction === 0 ? '0%' : `${(fraction * 100).toPrecision(2)}%`;
}

/**
 * The `--measure instructions` table of one suite: instructions per iteration with their spread over the
 * repetitions; a line per benchmark whose count failed; a note under the `waiting` ones, and each other note
 * of the counts (e.g. where the LLM ran).
 */
export function renderInstructionsTable(result: SuiteResult): string {
  const rows: string[][] = [];
  const problems: string[] = [];
  let waiting = false;
  // Notes beyond the waiting one (e.g. "the LLM ran in another process"), once per table.
  const notes = new Set<string>();
  for (const bench of result.benchmark_results) {
    const block = bench.status === 'ok' ? (bench as OkBenchmarkResult).instructions : undefined;
    if (!block) continue;
    if (block.status !== 'ok') {
      rows.push([bench.name, '-', '-', '-', '-', pc.red(block.status)]);
      problems.push(`${pc.red(block.status)} ${bench.name}: ${block.reason}`);
      continue;
    }
    waiting ||= block.cost_kind === 'waiting';
    for (const part of block.note?.split('; ') ?? []) if (!part.startsWith('mostly waiting')) notes.add(part);
    rows.push([
      bench.name,
      formatInstructions(block.instructions_per_iteration),
      formatSpread(block.spread),
      `${block.repetitions.length} x ${block.iterations}`,
      `${block.duration_seconds.toFixed(1)} s`,
      block.cost_kind === 'waiting' ? pc.yellow('waiting*') : 'cpu',
    ]);
  }
  if (rows.length === 0) return '';
  const lines = [
    pc.bold(`${result.suite_name}: instructions (callgrind)`),
    renderColumns(['benchmark', 'instr/iteration', 'spread', 'reps x iters', 'time', 'cost'], rows),
    ...problems,
  ];
  if (waiting) {
    lines.push(
      pc.dim(
        '* mostly waiting (fsync, network, child processes): the count is the CPU part of the process only',
      ),
    );
  }
  for (const note of notes) lines.push(pc.dim(`note: ${note}`));
  return lines.join('\n');
}
