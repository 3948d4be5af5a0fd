import type { BenchmarkResult, SuiteResult } from '@kaizen-bench/harness';
import { pc } from '../colors';
import {
  BUSY_CPU_PRESSURE,
  compareRepetitions,
  MIN_REPETITIONS,
  RECOMMENDED_REPETITIONS,
  type RepetitionComparison,
  repetitionP50s,
  repetitionSide,
  SESSION_DRIFT,
} from '../compare-repetitions';
import { CliError, ExitCode } from '../errors';
import type { CliIo } from '../io';
import { loadResultSet } from '../load-results';
import { printInstructionComparison } from './compare-instructions-output';
import { formatMs, formatPercent, renderColumns } from '../render/format';
import { DEFAULT_SUBJECT, subjectOf } from '../subjects';

export interface CompareCommandOptions {
  /** Fraction: changes within it count as unchanged. */
  threshold: number;
  format: 'table' | 'json';
  failOnRegression: boolean;
  /**
   * Fraction: a repetition whose CPU pressure was above it ran on a busy machine, and runs that did not
   * overlap in time then get no `slower` / `faster` (see compareRepetitions). @default BUSY_CPU_PRESSURE
   */
  maxCpuPressure?: number;
  /**
   * Fraction: runs that did not overlap in time get no `slower` / `faster` for a change within it (see
   * compareRepetitions). @default SESSION_DRIFT
   */
  sessionDrift?: number;
  /** `instructions`: compare the instruction counts (compare-instructions.ts). @default 'time' */
  measure?: 'time' | 'instructions';
}

/** One benchmark present in both runs. */
export interface BenchmarkComparison {
  suite_id: string;
  /** The subject (`run --subject`) when not the default one. */
  subject?: string;
  benchmark_id: string;
  name: string;
  /** The seed field: p50 over all samples of the side (all repetitions of a merged file). */
  baseline_p50: number | null;
  current_p50: number | null;
  /** Repetitions (runs in fresh processes) per side: 1 for a plain run; 0 when the side did not run ok. */
  baseline_repetitions: number;
  current_repetitions: number;
  /** Over the repetition p50s of each side. Null when either side did not run (`skipped` / `failed`). */
  comparison: RepetitionComparison | null;
  /**
   * Whether the repetitions of the two sides overlap in time (as `ab` runs them): when they ran one after the
   * other, a change of the machine between them (load, neighbours, thermal) counts as a change of the build.
   */
  interleaved: boolean;
  /** Why the verdict is `inconclusive`, when it is. */
  reason?: string;
  /** Why the benchmark was not compared, when it was not. */
  note?: string;
}

/**
 * Pairs the benchmarks present in both runs and compares those that ran in both, with the repetition as the
 * unit (see {@link compareRepetitions}): a side with fewer than {@link MIN_REPETITIONS} repetitions gives
 * `inconclusive`, never `slower` / `faster`.
 */
export function compareRuns(
  baseline: readonly SuiteResult[],
  current: readonly SuiteResult[],
  threshold: number,
  allowances: { maxCpuPressure?: number; sessionDrift?: number } = {},
): BenchmarkComparison[] {
  const { maxCpuPressure = BUSY_CPU_PRESSURE, sessionDrift = SESSION_DRIFT } = allowances;
  // Results of several subjects (run --subject) share suite ids: pair them by subject too.
  const key = (suite: SuiteResult, benchId: string) => `${suite.suite_id}[${subjectOf(suite)}]/${benchId}`;
  const currentByKey = new Map<string, BenchmarkResult>();
  for (const suite of current) {
    for (const bench of suite.benchmark_results) currentByKey.set(key(suite, bench.id), bench);
  }
  const pairs: BenchmarkComparison[] = [];
  for (const suite of baseline) {
    for (const before of suite.benchmark_results) {
      const after = currentByKey.get(key(suite, before.id));
      if (!after) continue;
      const p50s = (result: BenchmarkResult) => (result.status === 'ok' ? repetitionP50s(result) : []);
      const p50 = (result: BenchmarkResult) => (result.status === 'ok' ? result.latency_ms.p50 : null);
      const pair: BenchmarkComparison = {
        suite_id: suite.suite_id,
        ...(subjectOf(suite) !== DEFAULT_SUBJECT ? { subject: subjectOf(suite) } : {}),
        benchmark_id: before.id,
        name: before.name,
        baseline_p50: p50(before),
        current_p50: p50(after),
        baseline_repetitions: p50s(before).length,
        current_repetitions: p50s(after).length,
        comparison: null,
        interleaved: overlapInTime(before, after),
      };
      if (before.status === 'ok' && after.status === 'ok') {
        const verdict = compareRepetitions(repetitionSide(before), repetitionSide(after), {
          threshold,
          interleaved: pair.interleaved,
          maxCpuPressure,
          sessionDrift,
        });
        pair.comparison = verdict.comparison;
        if (verdict.reason) pair.reason = verdict.reason;
      } else {
        pair.note = `not compared: baseline ${before.status}, current ${after.status}`;
      }
      pairs.push(pair);
    }
  }
  return pairs;
}

/** Whether the start times of the two sides' repetitions overlap (needs 2 or more on each side). */
function overlapInTime(before: BenchmarkResult, after: BenchmarkResult): boolean {
  const span = (result: BenchmarkResult): [number, number] | undefined => {
    if (result.status !== 'ok' || (result.repetitions?.length ?? 0) < 2) return undefined;
    const times = (result.repetitions ?? []).map((r) => Date.parse(r.timestamp));
    return [Math.min(...times), Math.max(...times)];
  };
  const a = span(before);
  const b = span(after);
  return a !== undefined && b !== undefined && a[0] <= b[1] && b[0] <= a[1];
}

// A function, not a table built at import: the colours are chosen when the CLI starts (see colors.ts).
const verdictColour = (verdict: 'faster' | 'slower' | 'unchanged' | 'inconclusive') =>
  ({ faster: pc.green, slower: pc.red, unchanged: pc.dim, inconclusive: pc.yellow })[verdict];

/** One line for the whole comparison, e.g. `verdict: 1 slower (suite6_checkpoints/checkpoint_save), 20 unchanged`. */
export function overallVerdict(pairs: readonly BenchmarkComparison[]): string {
  const by = (verdict: string) => pairs.filter((pair) => pair.comparison?.verdict === verdict);
  const named = (list: BenchmarkComparison[]) =>
    list.map((p) => `${p.suite_id}/${p.benchmark_id}`).join(', ');
  const slower = by('slower');
  const faster = by('faster');
  const parts = [
    slower.length > 0 ? `${slower.length} slower (${named(slower)})` : '',
    faster.length > 0 ? `${faster.length} faster (${named(faster)})` : '',
    by('unchanged').length > 0 ? `${by('unchanged').length} unchanged` : '',
    by('inconclusive').length > 0 ? `${by('inconclusive').length} inconclusive` : '',
    pairs.filter((pair) => !pair.comparison).length > 0
      ? `${pairs.filter((pair) => !pair.comparison).length} not comparable`
      : '',
  ].filter(Boolean);
  const headline = slower.length > 0 ? 'slower' : faster.length > 0 ? 'faster' : 'no significant change';
  return `verdict: ${headline} - ${parts.join(', ')}`;
}

/**
 * `kaizen-bench compare <baseline> <current>`: per benchmark present in both, the p50 before and after, the
 * change, and a verdict over the repetitions of each side (see {@link compareRuns}).
 */
export async function compareCommand(
  baselinePath: string,
  currentPath: string,
  options: CompareCommandOptions,
  io: CliIo,
): Promise<number> {
  const baseline = await loadResultSet(baselinePath, 'baseline');
  const current = await loadResultSet(currentPath, 'current');
  if (options.measure === 'instructions') return printInstructionComparison(baseline, current, options, io);
  return printComparison(baseline, current, options, io);
}

/**
 * Compares two result sets and prints the table (or JSON) and the verdict line; returns the exit code
 * (1 when `failOnRegression` and a benchmark is `slower`). Shared by `compare` and `ab`.
 */
export function printComparison(
  baseline: readonly SuiteResult[],
  current: readonly SuiteResult[],
  options: CompareCommandOptions,
  io: CliIo,
): number {
  const pairs = compareRuns(baseline, current, options.threshold, {
    ...(options.maxCpuPressure !== undefined ? { maxCpuPressure: options.maxCpuPressure } : {}),
    ...(options.sessionDrift !== undefined ? { sessionDrift: options.sessionDrift } : {}),
  });
  if (pairs.length === 0) {
    throw new CliError(
      `baseline and current share no benchmark (suites ${baseline.map((s) => s.suite_id).join(', ')} vs ${current
        .map((s) => s.suite_id)
        .join(', ')}): compare results of the same suites`,
    );
  }

  if (options.format === 'json') {
    io.stdout.write(
      `${JSON.stringify(
        { threshold: options.threshold, min_repetitions: MIN_REPETITIONS, benchmarks: pairs },
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout.write(`${renderComparisonTable(pairs)}\n`);
    const decided = pairs.filter(
      (pair) => pair.baseline_repetitions >= MIN_REPETITIONS && pair.current_repetitions >= MIN_REPETITIONS,
    );
    if (decided.some((pair) => !pair.interleaved)) {
      io.stdout.write(
        `${pc.yellow('note')}: the two sides ran one after the other, not interleaved: a change of the machine between them (load, neighbours, thermal) counts as a change of the build, so changes within ${((options.sessionDrift ?? SESSION_DRIFT) * 100).toFixed(0)}% (--session-drift) are inconclusive; kaizen-bench ab interleaves them\n`,
      );
    }
    io.stdout.write(
      pc.dim(
        `threshold ${(options.threshold * 100).toFixed(1)}%; the unit is the repetition (one run in a fresh process): before/after = median over the repetitions of the value in \`on\`, Mann-Whitney U and bootstrap ratio CI over them; >= ${MIN_REPETITIONS} per side (run --repeat ${RECOMMENDED_REPETITIONS}, or kaizen-bench ab)\n`,
      ),
    );
    if (pairs.some((pair) => pair.comparison?.unit === 'repetition_p50_floor_adjusted')) {
      io.stdout.write(
        pc.dim(
          "p50-floor: each repetition's p50 less its floor's p50 (the same bare work timed beside it), plus the baseline's median floor p50: what slows both, a disk or a busy CPU, is taken out\n",
        ),
      );
    }
    io.stdout.write(`${overallVerdict(pairs)}\n`);
  }

  const regressions = pairs.filter((pair) => pair.comparison?.verdict === 'slower');
  if (options.failOnRegression && regressions.length > 0) {
    io.stderr.write(
      `regression: ${regressions.map((pair) => `${pair.suite_id}/${pair.benchmark_id}`).join(', ')}\n`,
    );
    return ExitCode.failure;
  }
  return ExitCode.ok;
}

/** The `on` column: what one repetition contributed (see {@link RepetitionComparison.unit}). */
const UNIT_LABEL: Record<RepetitionComparison['unit'], string> = {
  repetition_p50: 'p50',
  repetition_p50_floor_adjusted: 'p50-floor',
};

/** The comparison table, then each reason for an `inconclusive` verdict once, with the benchmarks it covers. */
function renderComparisonTable(pairs: readonly BenchmarkComparison[]): string {
  const rows = pairs.map((pair) => {
    const c = pair.comparison;
    const ratio = c?.ratio;
    return [
      `${pair.suite_id}${pair.subject ? ` [${pair.subject}]` : ''} / ${pair.name}`,
      `${pair.baseline_repetitions}/${pair.current_repetitions}`,
      c ? UNIT_LABEL[c.unit] : '-',
      c ? formatMs(c.baselineMedian) : '-',
      c ? formatMs(c.currentMedian) : '-',
      c ? formatPercent(c.changePercent / 100) : '-',
      ratio ? `x${ratio.lower.toFixed(3)}-${ratio.upper.toFixed(3)}` : '-',
      c ? c.pValue.toPrecision(2) : '-',
      c ? verdictColour(c.verdict)(c.verdict) : pc.dim(pair.note ?? ''),
    ];
  });
  const lines = [
    renderColumns(
      ['benchmark', 'reps', 'on', 'before', 'after', 'change', 'ratio 95% CI', 'p', 'verdict'],
      rows,
    ),
  ];
  const byReason = new Map<string, BenchmarkComparison[]>();
  for (const pair of pairs) {
    if (pair.reason) byReason.set(pair.reason, [...(byReason.get(pair.reason) ?? []), pair]);
  }
  for (const [reason, covered] of byReason) {
    const which =
      covered.length === pairs.length && pairs.length > 1
        ? `all ${pairs.length} benchmarks`
        : covered.map((pair) => `${pair.suite_id} / ${pair.name}`).join(', ');
    lines.push(`${pc.yellow('inconclusive')} (${which}): ${reason}`);
  }
  return lines.join('\n');
}
