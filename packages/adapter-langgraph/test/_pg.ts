/**
 * The PostgreSQL URL of `.ci/run` (or `bash scripts/pg-test-server.sh start DIR`). Under CI=true a missing URL
 * fails the test; locally the test is skipped with one line.
 */
export const PG_URL = process.env['KAIZEN_BENCH_PG_URL'];

export function pgSkipReason(): string | undefined {
  if (PG_URL) return undefined;
  if (process.env['CI'] === 'true') {
    throw new Error('KAIZEN_BENCH_PG_URL is not set under CI=true: .ci/run starts PostgreSQL and exports it');
  }
  console.log(
    'skipping the PostgreSQL tests: set KAIZEN_BENCH_PG_URL (bash scripts/pg-test-server.sh start DIR)',
  );
  return 'no KAIZEN_BENCH_PG_URL';
}
