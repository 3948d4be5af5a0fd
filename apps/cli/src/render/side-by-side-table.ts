import type { BenchmarkResult, SuiteResult } from '@kaizen-bench/harness';
import { pc } from '../colors';
import { subjectOf } from '../subjects';
import { formatMs, renderColumns } from './format';

const ratingColour = (rating: string): ((text: string) => string) =>
  ({ excellent: pc.green, good: pc.cyan, needs_work: pc.yellow })[rating] ?? pc.dim;

/** `p50 ms  xfloor  rating`, or why there is no number. */
function cell(result: BenchmarkResult | undefined): string {
  if (!result) return pc.dim('-');
  if (result.status === 'failed') return pc.red('FAILED');
  if (result.status === 'skipped') return pc.yellow('skipped');
  const ratio = result.overhead?.ratio_p50;
  // Below the floor (e.g. an in-memory save next to a durable write) one decimal would print x0.0.
  const floor = ratio === undefined ? '' : ` x${ratio < 1 ? ratio.toPrecision(2) : ratio.toFixed(1)}`;
  return `${formatMs(result.latency_ms.p50)}${floor} ${ratingColour(result.rating)(result.rating)}`;
}

interface WriteAmplification {
  measured?: boolean;
  saves?: number;
  stored_bytes?: number;
  stored_over_final_state?: number;
  reason?: string;
}

/** Bytes stored after the growing conversation's saves, e.g. `3.39 MB (35.6 states)`. */
function amplificationCell(result: BenchmarkResult | undefined): string {
  const amp = result?.metadata?.['write_amplification'] as WriteAmplification | undefined;
  if (!amp) return pc.dim('-');
  if (!amp.measured || amp.stored_bytes === undefined) return pc.dim('not measured');
  return `${(amp.stored_bytes / 1e6).toFixed(2)} MB (${amp.stored_over_final_state} states)`;
}

/**
 * The table of a run over several subjects (`run --subject a,b`): one row per suite benchmark, one column per
 * subject with p50 (ms), ratio to the floor and rating; a row for the bytes stored after the Save benchmark's
 * growing conversation when measured; then why each skipped or failed benchmark did not run.
 */
export function renderSideBySide(results: readonly SuiteResult[]): string {
  const subjects = [...new Set(results.map(subjectOf))];
  const suiteIds = [...new Set(results.map((result) => result.suite_id))];
  const find = (suiteId: string, subject: string) =>
    results.find((result) => result.suite_id === suiteId && subjectOf(result) === subject);
  const rows: string[][] = [];
  const notes: string[] = [];
  let withAmplification = false;
  for (const suiteId of suiteIds) {
    const bySubject = subjects.map((subject) => find(suiteId, subject));
    const benchmarks = new Map<string, string>();
    for (const suite of bySubject)
      for (const bench of suite?.benchmark_results ?? [])
        if (!benchmarks.has(bench.id)) benchmarks.set(bench.id, bench.name);
    for (const [id, name] of benchmarks) {
      const cells = bySubject.map((suite) => suite?.benchmark_results.find((bench) => bench.id === id));
      rows.push([suiteId, name, ...cells.map(cell)]);
      if (cells.some((bench) => bench?.metadata?.['write_amplification'] !== undefined)) {
        const amp = cells.find((bench) => bench?.metadata?.['write_amplification'])?.metadata[
          'write_amplification'
        ] as WriteAmplification;
        withAmplification = true;
        rows.push([
          suiteId,
          `${name}: stored after ${amp.saves ?? '?'} saves`,
          ...cells.map(amplificationCell),
        ]);
      }
      cells.forEach((bench, i) => {
        if (bench && bench.status !== 'ok') {
          const label = bench.status === 'failed' ? pc.red('FAILED') : pc.yellow('SKIPPED');
          notes.push(`${label} ${subjects[i]} / ${suiteId} / ${name}: ${bench.reason}`);
        }
      });
    }
  }
  return [
    pc.bold('Side by side - p50 ms, xN = p50 / floor p50, rating'),
    renderColumns(['suite', 'benchmark', ...subjects], rows),
    ...notes,
    ...(withAmplification
      ? [
          pc.dim(
            'stored after N saves: bytes the subject holds after saving a conversation growing by 4 messages per save (metadata.write_amplification of Save); states = copies of the newest state',
          ),
        ]
      : []),
  ].join('\n');
}
