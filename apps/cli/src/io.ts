import type { ProgressStream } from './progress';

/** Where a command writes: results to `stdout`, progress and messages to `stderr`. */
export interface CliIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };
