import type { BenchmarkDefinition, OkBenchmarkResult, RunOptions, SuiteDefinition } from '../src/index';

/** Busy-waits for `ns` nanoseconds on the same clock the harness reads. */
export function spin(ns: number): void {
  const end = process.hrtime.bigint() + BigInt(ns);
  while (process.hrtime.bigint() < end) {
    // spin
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** A benchmark with the required text fields filled in. */
export function bench(id: string, fields: Partial<BenchmarkDefinition> & Pick<BenchmarkDefinition, 'fn'>) {
  return {
    id,
    name: id.replace(/_/g, ' '),
    description: `test benchmark ${id}`,
    ...fields,
  } as BenchmarkDefinition;
}

export function suite(id: string, benchmarks: BenchmarkDefinition[]): SuiteDefinition {
  return { id, name: `Suite ${id}`, benchmarks, metadata: { subject: 'test' } };
}

/** Run options for tests: no monitor (its worker start costs ~50 ms per benchmark) unless asked. */
export const fast: RunOptions = { monitor: false };

export function asOk(result: unknown): OkBenchmarkResult {
  const r = result as OkBenchmarkResult & { reason?: string };
  if (r.status !== 'ok') throw new Error(`expected ok, got ${r.status}: ${r.reason}`);
  return r;
}

/** A real suite result with one ok (monitored), one skipped and one failed benchmark. */
export async function sampleResult(id = 'sample_suite') {
  const { runSuite } = await import('../src/index');
  return runSuite(
    suite(id, [
      bench('ok_one', { fn: () => spin(50_000), iterations: 12, target: { excellentMs: 1, targetMs: 2 } }),
      bench('skipped_one', { requires: () => 'needs | a pipe', fn: () => 1 }),
      bench('failed_one', {
        fn: () => {
          throw new Error('boom');
        },
      }),
    ]),
    { monitorIntervalMs: 10 },
  );
}
