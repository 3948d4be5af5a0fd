export { writeFileAtomically } from './_atomic-write';
export { defineBenchmark, defineSuite } from './define';
export { runBenchmark } from './run-benchmark';
export { runSuite } from './run-suite';
export { rateLatency } from './rating';
export { DIAGNOSTIC_THRESHOLDS, diagnoseResult } from './diagnostics';
export { isSuiteResult, validateSuiteResult } from './schema';
export { readResults } from './read-results';
export { resultsFilePath, writeSuiteResults } from './write-results';
export { prepareResultsDir } from './results-dir';
export { summarizeRun, writeRunSummary } from './run-summary';
export { mergeRepetitions } from './merge-repetitions';
export { toMarkdown } from './markdown';
export { toGithubBenchmark } from './github-benchmark';
export { HarnessError, ResultsFileError } from './errors';
export { checkValgrind, VALGRIND_INSTALL_HINT } from './instructions/valgrind';
export type { ValgrindCheck } from './instructions/valgrind';
export {
  DEFAULT_ITERATIONS,
  DEFAULT_MONITOR_INTERVAL_MS,
  DEFAULT_SEED,
  DEFAULT_TIME_BUDGET_MS,
  DEFAULT_WARMUP,
  MIN_TARGET_CI_ITERATIONS,
  QUICK_MAX_ITERATIONS,
  QUICK_MAX_WARMUP,
  RESULT_SCHEMA_VERSION,
} from './constants';

export type {
  BaselineDefinition,
  BaselineResult,
  BenchmarkContext,
  BenchmarkDefinition,
  BenchmarkResult,
  Diagnostic,
  DiagnosticCode,
  FailedBenchmarkResult,
  InstructionsOptions,
  InstructionsProgressEvent,
  InstructionsResult,
  InstructionsTooling,
  LatencyStats,
  OkBenchmarkResult,
  OverheadResult,
  Rating,
  Reporter,
  RunOptions,
  MachinePressure,
  RepetitionResult,
  RunProfile,
  SamplingInfo,
  SkippedBenchmarkResult,
  SuiteDefinition,
  SuiteResult,
  SuiteSource,
  Target,
  TimingInfo,
} from './types';
export type { SchemaIssue } from './schema';
export type { MachineLoad } from './diagnostics';
export type { RunSummary, RunSummaryBenchmark } from './run-summary';
export type { MergeRepetitionsOptions } from './merge-repetitions';
export type { GithubBenchmarkEntry } from './github-benchmark';
export type { HarnessErrorCode, ResultsFileErrorCode } from './errors';
