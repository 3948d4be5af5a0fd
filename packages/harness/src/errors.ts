/** Stable codes of {@link HarnessError}: user mistakes in definitions, options or results. */
export type HarnessErrorCode =
  | 'HARNESS_INVALID_OPTIONS'
  | 'HARNESS_INVALID_BENCHMARK'
  | 'HARNESS_INVALID_SUITE'
  | 'HARNESS_DUPLICATE_BENCHMARK_ID'
  | 'HARNESS_DUPLICATE_BENCHMARK_NAME'
  | 'HARNESS_INVALID_RESULT'
  | 'HARNESS_SERIALIZE_FAILED'
  | 'HARNESS_WRITE_FAILED'
  /** `mergeRepetitions` got no results, or results of different suites or settings. */
  | 'HARNESS_MERGE_MISMATCH'
  /** `RunOptions.instructions` was given but valgrind cannot be run. */
  | 'HARNESS_VALGRIND_MISSING';

/** A mistake the caller can fix (bad options, duplicate ids, a result that fails the schema, ...). */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';
  readonly code: HarnessErrorCode;

  constructor(code: HarnessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Stable codes of {@link ResultsFileError}. */
export type ResultsFileErrorCode =
  | 'RESULTS_NOT_FOUND'
  | 'RESULTS_UNREADABLE'
  | 'RESULTS_NOT_JSON'
  | 'RESULTS_INVALID';

/** A results file that cannot be used: missing, unreadable, not JSON, or failing the schema. One-line message. */
export class ResultsFileError extends Error {
  override readonly name = 'ResultsFileError';
  readonly code: ResultsFileErrorCode;
  /** The file that was read. */
  readonly path: string;

  constructor(code: ResultsFileErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.path = path;
  }
}
