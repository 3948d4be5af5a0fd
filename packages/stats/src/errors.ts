/** Stable machine-readable codes of every error this package throws. */
export type StatsErrorCode =
  | 'STATS_EMPTY_SAMPLES'
  | 'STATS_INVALID_SAMPLE'
  | 'STATS_INVALID_OPTION'
  | 'STATS_TOO_FEW_SAMPLES';

/** Base class of every error thrown by `@kaizen-bench/stats`; switch on `code`, not on the message. */
export class StatsError extends Error {
  readonly code: StatsErrorCode;

  constructor(code: StatsErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A sample array was empty where at least one value is needed. */
export class EmptySamplesError extends StatsError {
  constructor(label: string) {
    super('STATS_EMPTY_SAMPLES', `${label} is empty: pass at least one measured sample (ms)`);
  }
}

/** A sample was NaN, ±Infinity, negative or not a number. Samples are never silently dropped. */
export class InvalidSampleError extends StatsError {
  /** Position of the offending value in the array that was passed in. */
  readonly index: number;
  readonly value: unknown;

  constructor(label: string, index: number, value: unknown) {
    super(
      'STATS_INVALID_SAMPLE',
      `${label}[${index}] is ${String(value)}: samples must be finite numbers >= 0 (ms); fix or drop it before calling`,
    );
    this.index = index;
    this.value = value;
  }
}

/** An option had a value outside its documented range. */
export class InvalidOptionError extends StatsError {
  readonly option: string;

  constructor(option: string, value: unknown, expected: string) {
    super('STATS_INVALID_OPTION', `option ${option} is ${JSON.stringify(value)}: expected ${expected}`);
    this.option = option;
  }
}

/** A computation needs more samples than it was given (e.g. a t-test needs 2 per group). */
export class TooFewSamplesError extends StatsError {
  constructor(label: string, needed: number, got: number) {
    super('STATS_TOO_FEW_SAMPLES', `${label} has ${got} sample(s): at least ${needed} are needed`);
  }
}
