import type { SuiteResult } from '@kaizen-bench/harness';

/** One run to report: the suite results of one results directory (or of one `run` in memory). */
export interface ReportRun {
  /** Shown in the report, e.g. `baseline`, `current`, or the directory name. */
  label: string;
  /** Where the results were read from, shown in the run header; omit for results held in memory. */
  source?: string;
  /** One entry per suite, as `readResults` returns them. */
  suites: readonly SuiteResult[];
}

/** The verdict of comparing one benchmark's two runs. */
export type ReportVerdict = 'faster' | 'slower' | 'unchanged' | 'inconclusive';

/**
 * One benchmark present in both runs, compared. The shape of `kaizen-bench compare --format json`'s
 * `benchmarks[]` entries (the CLI's `compareRuns`), so its output can be passed as it is.
 */
export interface ReportComparison {
  suite_id: string;
  benchmark_id: string;
  name: string;
  /** Repetitions per side (runs in fresh processes); 0 when the side did not run ok. */
  baseline_repetitions: number;
  current_repetitions: number;
  /** Null when either side did not run ok; then `note` says why. */
  comparison: {
    /**
     * What one repetition contributed: `repetition_p50` its p50; `repetition_p50_floor_adjusted` its p50 less
     * its floor's p50 plus the baseline's median floor p50 (the floor's swings taken out). @default p50
     */
    unit?: 'repetition_p50' | 'repetition_p50_floor_adjusted';
    /** Median over the baseline's repetitions of the value in `unit`, ms. */
    baselineMedian: number;
    /** Median over the current run's repetitions of the value in `unit`, ms. */
    currentMedian: number;
    /** (current - baseline) / baseline x 100; positive = slower. */
    changePercent: number;
    /** Two-sided p-value of the test behind the verdict. */
    pValue: number;
    verdict: ReportVerdict;
    /** current / baseline median with its bootstrap CI; null when too few repetitions. */
    ratio?: { value: number; lower: number; upper: number; confidence: number } | null;
  } | null;
  /** Why the verdict is `inconclusive`, when it is. */
  reason?: string;
  /** Why the benchmark was not compared, when it was not. */
  note?: string;
}

/** What {@link renderReport} renders. */
export interface RenderReportOptions {
  /** One run, or two: `[baseline, current]`. With two, the detail sections show the current run. */
  runs: readonly [ReportRun] | readonly [ReportRun, ReportRun];
  /** Required with two runs: the per-benchmark comparison (e.g. the CLI's `compareRuns`). */
  comparison?: readonly ReportComparison[];
  /** Relative change below which a change counts as `unchanged`, shown in the comparison view (0.05 = 5%). */
  threshold?: number;
  /** Page title. @default 'kaizen-bench report' */
  title?: string;
  /** Shown as the report's creation time; fixed in tests for reproducible output. @default new Date() */
  generatedAt?: Date;
}
