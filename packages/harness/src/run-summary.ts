import Ajv2020 from 'ajv/dist/2020.js';
import schema from '../run-summary.schema.json';
import { writeFileAtomically } from './_atomic-write';
import { HarnessError } from './errors';
import type { Rating, SuiteResult } from './types';

/** One benchmark's line in a {@link RunSummary}. */
export interface RunSummaryBenchmark {
  id: string;
  name: string;
  status: 'ok' | 'skipped' | 'failed';
  /** Null unless `ok`. */
  p50_ms: number | null;
  /** 95% CI half-width as a percent of the mean; null unless `ok`. */
  ci_half_width_percent: number | null;
  /** p50 / floor p50; null without a floor. */
  floor_ratio: number | null;
  rating: Rating | null;
  /** Diagnostic codes. */
  diagnostics: string[];
  /** Why it was skipped or failed; null when `ok`. */
  reason: string | null;
}

/** `summary.json`: every benchmark of a run across its suites, and the suite files it wrote. */
export interface RunSummary {
  schema_version: 1;
  timestamp: string;
  total_duration_seconds: number;
  aborted: boolean;
  counts: Record<Rating | 'skipped' | 'failed', number>;
  suites: Array<{
    suite_id: string;
    suite_name: string;
    /** Results file name, relative to the summary's directory. */
    file: string;
    complete: boolean;
    benchmarks: RunSummaryBenchmark[];
  }>;
}

/** The summary of a run of `results` (in run order). */
export function summarizeRun(
  results: readonly SuiteResult[],
  run: { startedAt: Date; totalDurationSeconds: number; aborted: boolean },
): RunSummary {
  const counts: RunSummary['counts'] = {
    excellent: 0,
    good: 0,
    needs_work: 0,
    unrated: 0,
    skipped: 0,
    failed: 0,
  };
  const suites = results.map((suite) => ({
    suite_id: suite.suite_id,
    suite_name: suite.suite_name,
    file: `${suite.suite_id}_results.json`,
    complete: suite.config.complete ?? !suite.config.aborted,
    benchmarks: suite.benchmark_results.map((b): RunSummaryBenchmark => {
      if (b.status !== 'ok') {
        counts[b.status]++;
        const none = { p50_ms: null, ci_half_width_percent: null, floor_ratio: null, rating: null };
        return { id: b.id, name: b.name, status: b.status, ...none, diagnostics: [], reason: b.reason };
      }
      counts[b.rating]++;
      const half = (b.confidence_interval.upper - b.confidence_interval.lower) / 2;
      return {
        id: b.id,
        name: b.name,
        status: 'ok',
        p50_ms: b.latency_ms.p50,
        ci_half_width_percent: b.latency_ms.mean > 0 ? (half / b.latency_ms.mean) * 100 : null,
        floor_ratio: b.overhead?.ratio_p50 ?? null,
        rating: b.rating,
        diagnostics: (b.diagnostics ?? []).map((d) => d.code),
        reason: null,
      };
    }),
  }));
  return {
    schema_version: 1,
    timestamp: run.startedAt.toISOString(),
    total_duration_seconds: run.totalDurationSeconds,
    aborted: run.aborted,
    counts,
    suites,
  };
}

let compiled: ReturnType<Ajv2020['compile']> | undefined;

/**
 * Validates `summary` against `@kaizen-bench/harness/run-summary.schema.json` and writes `<dir>/summary.json`
 * atomically. Returns the absolute path.
 * @throws HarnessError `HARNESS_INVALID_RESULT` or `HARNESS_WRITE_FAILED`
 */
export async function writeRunSummary(summary: RunSummary, dir: string): Promise<string> {
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  compiled ??= new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  if (!compiled(JSON.parse(json))) {
    const first = compiled.errors?.[0];
    throw new HarnessError(
      'HARNESS_INVALID_RESULT',
      `run summary fails its schema at ${first?.instancePath || '/'}: ${first?.message}; nothing was written`,
    );
  }
  return writeFileAtomically(dir, 'summary.json', json);
}
