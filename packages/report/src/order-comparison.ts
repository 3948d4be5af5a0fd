import type { ReportComparison } from './types';

const RANK: Record<string, number> = { slower: 0, inconclusive: 1, faster: 2, unchanged: 3 };

/**
 * The comparison in reading order, regressions first: `slower`, then `inconclusive`, `faster`, `unchanged`,
 * then benchmarks not compared; within each group the largest slowdown first. Returns a new array.
 */
export function orderRegressionsFirst<T extends ReportComparison>(rows: readonly T[]): T[] {
  const rank = (row: T) => (row.comparison ? (RANK[row.comparison.verdict] ?? 4) : 5);
  const change = (row: T) => row.comparison?.changePercent ?? Number.NEGATIVE_INFINITY;
  return [...rows].sort((a, b) => rank(a) - rank(b) || change(b) - change(a));
}
