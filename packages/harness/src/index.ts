export { defineBenchmark, defineSuite } from './define';
export { runBenchmark } from './run-benchmark';
export { runSuite } from './run-suite';
export { rateLatency } from './rating';
export { isSuiteResult, validateSuiteResult } from './schema';
export { readResults } from './read-results';
export { resultsFilePath, writeSuiteResults } from './write-results';
export { toMarkdown } from './markdown';
export { toGithubBenchmark } from './github-benchmark';
export { HarnessError, ResultsFileError } from './errors';
export {
  DEFAULT_ITERATIONS,
  DEFAULT_MONITOR_INTERVAL_MS,
  DEFAULT_SEED,
  DEFAULT_TIME_BUDGET_MS,
  DEFAULT_WARMUP,
  QUICK_MAX_ITERATIONS,
  QUICK_MAX_WARMUP,
  RESULT_SCHEMA_VERSION,
} from './constants';

export type {
  BenchmarkContext,
  BenchmarkDefinition,
  BenchmarkResult,
  FailedBenchmarkResult,
  LatencyStats,
  OkBenchmarkResult,
  Rating,
  Reporter,
  RunOptions,
  RunProfile,
  SkippedBenchmarkResult,
  SuiteDefinition,
  SuiteResult,
  Target,
  TimingInfo,
} from './types';
export type { SchemaIssue } from './schema';
export type { GithubBenchmarkEntry } from './github-benchmark';
export type { HarnessErrorCode, ResultsFileErrorCode } from './errors';
