import type { Rating } from '@kaizen-bench/harness';
import type { ReportVerdict } from './types';

/** Milliseconds with precision that suits the magnitude, as the CLI prints them: 12.345 -> "12.3 ms". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const abs = Math.abs(ms);
  const text =
    abs >= 100 ? ms.toFixed(0) : abs >= 10 ? ms.toFixed(1) : abs >= 1 ? ms.toFixed(2) : ms.toPrecision(3);
  return `${text} ms`;
}

/** A ratio of p50s: 2.5 -> "2.5x", 0.68 -> "0.68x". */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return String(ratio);
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(1) : ratio.toFixed(2)}x`;
}

/** A signed percent change: 12.34 -> "+12.3%". */
export function formatChange(percent: number): string {
  if (!Number.isFinite(percent)) return String(percent);
  return `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`;
}

/** A p-value with two significant digits; tiny ones as "<0.001". */
export function formatP(p: number): string {
  return p < 0.001 ? '<0.001' : p.toPrecision(2);
}

/** A number with at most `digits` decimals, trailing zeros dropped. */
export function formatNumber(value: number, digits = 1): string {
  return Number.isFinite(value) ? String(Number(value.toFixed(digits))) : String(value);
}

/** Symbol and words of each rating: the symbol and text carry it, the colour only repeats it. */
export const RATING_LABELS: Record<Rating, { symbol: string; text: string }> = {
  excellent: { symbol: '★★', text: 'excellent' },
  good: { symbol: '★', text: 'good' },
  needs_work: { symbol: '▲', text: 'needs work' },
  unrated: { symbol: '○', text: 'unrated' },
};

/** Symbol and words of each comparison verdict. */
export const VERDICT_LABELS: Record<ReportVerdict, { symbol: string; text: string }> = {
  slower: { symbol: '▲', text: 'slower' },
  faster: { symbol: '▼', text: 'faster' },
  unchanged: { symbol: '=', text: 'unchanged' },
  inconclusive: { symbol: '?', text: 'inconclusive' },
};
