/** Exit codes of the `kaizen-bench` command. */
export const ExitCode = {
  ok: 0,
  /** A benchmark failed, a rating gate or a regression gate tripped. */
  failure: 1,
  /** The user asked for something that cannot be done as asked (unknown suite, bad number, bad file). */
  usage: 2,
  /** Stopped by Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;

/** A user mistake: printed as one line without a stack, exit code 2. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = ExitCode.usage, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
