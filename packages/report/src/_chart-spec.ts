/** Which distribution a chart series shows: the benchmark, its floor, or the benchmark in the baseline run. */
export type SeriesRole = 'subject' | 'floor' | 'before';

/** One chart as embedded in the report's JSON and drawn in the browser by `_client.ts`. */
export interface ChartSpec {
  /** `hist`: histogram of the subject's samples; `ecdf`: cumulative distributions side by side. */
  kind: 'hist' | 'ecdf';
  series: { label: string; role: SeriesRole; samples: number[] }[];
  /** Vertical markers (p50/p95/p99), ms. */
  marks: { label: string; value: number }[];
}

/** The report's embedded data. */
export interface ReportData {
  charts: ChartSpec[];
}

/** Samples rounded to 5 significant digits: far below timing noise, and it halves the embedded JSON. */
export function compactSamples(samples: readonly number[]): number[] {
  return samples.map((value) => Number(value.toPrecision(5)));
}
