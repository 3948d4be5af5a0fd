// `compare --measure instructions`: instruction counts (run --measure instructions) of two runs. Counts of one
// build barely move between fresh processes (parts per million), so a change beyond the measured spread is a
// real change, and the threshold can be tight (1%).
import type { InstructionsResult, OkBenchmarkResult, SuiteResult } from '@kaizen-bench/harness';

type OkInstructions = Extract<InstructionsResult, { status: 'ok' }>;

/** One benchmark's instruction counts before and after. */
export interface InstructionComparison {
  suite_id: string;
  benchmark_id: string;
  name: string;
  /** Instructions per iteration (mean of the repetitions); null when that side has no count. */
  baseline: number | null;
  current: number | null;
  /** current / baseline - 1. */
  change: number | null;
  /** The larger of the two sides' spreads ((max - min) / mean over their repetitions). */
  spread: number | null;
  verdict: 'slower' | 'faster' | 'unchanged' | 'inconclusive' | null;
  /** Why the verdict is `inconclusive`, or why there is none. */
  reason?: string;
  cost_kind?: 'cpu' | 'waiting';
}

const countOf = (
  result: SuiteResult['benchmark_results'][number] | undefined,
): OkInstructions | undefined => {
  const block = result?.status === 'ok' ? (result as OkBenchmarkResult).instructions : undefined;
  return block?.status === 'ok' ? block : undefined;
};

/** What differs between how the two sides were counted (a different Node counts differently), if anything. */
function settingsDiffer(a: OkInstructions, b: OkInstructions): string | undefined {
  const facts: [string, unknown, unknown][] = [
    ['node', a.node_version, b.node_version],
    ['valgrind', a.valgrind_version, b.valgrind_version],
    ['node flags', a.node_flags.join(' '), b.node_flags.join(' ')],
    ['valgrind flags', a.valgrind_flags.join(' '), b.valgrind_flags.join(' ')],
    // Equal after overCommonCalls, unless a side has no per-call counts.
    ['iterations', a.iterations, b.iterations],
    ['warmup', a.warmup_iterations, b.warmup_iterations],
  ];
  const differing = facts.filter(([, x, y]) => x !== y).map(([name, x, y]) => `${name} ${x} vs ${y}`);
  return differing.length > 0 ? differing.join(', ') : undefined;
}

/**
 * Both sides averaged over the first calls every repetition of both made (a time budget stops slow benchmarks
 * at different calls; the first calls can cost more than later ones, so equal calls are compared).
 */
function overCommonCalls(a: OkInstructions, b: OkInstructions): [OkInstructions, OkInstructions] {
  if (!a.iteration_counts?.length || !b.iteration_counts?.length) return [a, b];
  const k = Math.min(...[...a.iteration_counts, ...b.iteration_counts].map((counts) => counts.length));
  if (!(k > 0)) return [a, b];
  const over = (side: OkInstructions): OkInstructions => {
    const repetitions = (side.iteration_counts ?? []).map(
      (counts) => counts.slice(0, k).reduce((x, y) => x + y, 0) / k,
    );
    const mean = repetitions.reduce((x, y) => x + y, 0) / repetitions.length;
    const spread = mean > 0 ? (Math.max(...repetitions) - Math.min(...repetitions)) / mean : 0;
    return { ...side, repetitions, instructions_per_iteration: mean, spread, iterations: k };
  };
  return [over(a), over(b)];
}

/**
 * The verdict on two counts of one benchmark: `unchanged` within `threshold`; beyond it, `slower` (more
 * instructions) or `faster` when the repetitions of the two sides do not overlap; else `inconclusive`.
 * Each side needs 2 or more repetitions (a spread) and the same counting settings.
 */
export function compareCounts(
  beforeCounted: OkInstructions,
  afterCounted: OkInstructions,
  threshold: number,
): Pick<InstructionComparison, 'change' | 'spread' | 'verdict' | 'reason'> {
  const [before, after] = overCommonCalls(beforeCounted, afterCounted);
  const change = after.instructions_per_iteration / before.instructions_per_iteration - 1;
  const spread = Math.max(before.spread, after.spread);
  const differ = settingsDiffer(before, after);
  if (differ)
    return {
      change,
      spread,
      verdict: 'inconclusive',
      reason: `counted with different settings (${differ}): count both the same way`,
    };
  if (before.repetitions.length < 2 || after.repetitions.length < 2) {
    return {
      change,
      spread,
      verdict: 'inconclusive',
      reason: 'one repetition measures no spread: count with 2 or more (the default is 3)',
    };
  }
  if (Math.abs(change) < threshold) return { change, spread, verdict: 'unchanged' };
  const overlap =
    Math.min(...after.repetitions) <= Math.max(...before.repetitions) &&
    Math.min(...before.repetitions) <= Math.max(...after.repetitions);
  if (overlap) {
    return {
      change,
      spread,
      verdict: 'inconclusive',
      reason: `the repetitions of the two sides overlap (spread up to ${(spread * 100).toPrecision(2)}%): the change is within the measured spread`,
    };
  }
  return { change, spread, verdict: change > 0 ? 'slower' : 'faster' };
}

/** Pairs the benchmarks of both runs and compares their instruction counts ({@link compareCounts}). */
export function compareInstructionRuns(
  baseline: readonly SuiteResult[],
  current: readonly SuiteResult[],
  threshold: number,
): InstructionComparison[] {
  const after = new Map<string, SuiteResult['benchmark_results'][number]>();
  for (const suite of current)
    for (const b of suite.benchmark_results) after.set(`${suite.suite_id}/${b.id}`, b);
  const pairs: InstructionComparison[] = [];
  for (const suite of baseline) {
    for (const b of suite.benchmark_results) {
      const other = after.get(`${suite.suite_id}/${b.id}`);
      if (!other) continue;
      const x = countOf(b);
      const y = countOf(other);
      const pair: InstructionComparison = {
        suite_id: suite.suite_id,
        benchmark_id: b.id,
        name: b.name,
        baseline: x?.instructions_per_iteration ?? null,
        current: y?.instructions_per_iteration ?? null,
        change: null,
        spread: null,
        verdict: null,
      };
      if (x && y) {
        Object.assign(pair, compareCounts(x, y, threshold), { cost_kind: y.cost_kind });
      } else {
        const missing = [x ? '' : 'baseline', y ? '' : 'current'].filter(Boolean).join(' and ');
        pair.reason = `not compared: the ${missing} run has no instruction count (run it with --measure instructions)`;
      }
      pairs.push(pair);
    }
  }
  return pairs;
}
