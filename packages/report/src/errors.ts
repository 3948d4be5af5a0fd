/** Stable codes of {@link ReportError}. */
export type ReportErrorCode =
  | 'REPORT_NO_RESULTS'
  | 'REPORT_BAD_INPUT'
  | 'REPORT_ASSET_MISSING'
  | 'REPORT_WRITE_FAILED';

/** A report could not be built or written; `message` is one line saying what to do. */
export class ReportError extends Error {
  override readonly name = 'ReportError';
  readonly code: ReportErrorCode;

  constructor(code: ReportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
