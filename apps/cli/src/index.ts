export { runCli } from './program';
export { suiteRegistry } from './registry';
export { CliError, ExitCode } from './errors';
export type { RegisteredSuite } from './registry';
export type { CliIo } from './io';
