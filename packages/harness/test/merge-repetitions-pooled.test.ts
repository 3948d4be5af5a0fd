import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mean, sampleStddev, summarize } from '@kaizen-bench/stats';
import { expect, test } from 'vitest';
import {
  mergeRepetitions,
  readResults,
  runSuite,
  type SuiteResult,
  validateSuiteResult,
  writeSuiteResults,
} from '../src/index';
import { asOk, bench, fast, spin, suite } from './_helpers';

// Each repetition spins a different time, as separate runs of one build differ as a whole.
let workNs = 40_000;
const definition = suite('reps', [
  bench('floored', {
    iterations: 12,
    warmup: 1,
    target: { excellentMs: 0.01, targetMs: 10 },
    fn: () => spin(workNs),
    baseline: { name: 'floor', description: 'half the work', fn: () => spin(workNs / 2) },
  }),
]);

async function repetitions(works: number[]): Promise<SuiteResult[]> {
  const out: SuiteResult[] = [];
  for (const ns of works) {
    workNs = ns;
    out.push(await runSuite(definition, fast));
  }
  return out;
}

test('a merge pools the samples for the seed fields and keeps each repetition with the run-to-run spread', async () => {
  const reps = await repetitions([40_000, 60_000, 50_000]);
  const merged = mergeRepetitions(reps);
  const okReps = reps.map((rep) => asOk(rep.benchmark_results[0]));
  const ok = asOk(merged.benchmark_results[0]);

  const pooled = okReps.flatMap((rep) => rep.samples_ms);
  expect(ok.samples_ms).toEqual(pooled);
  expect(ok.iterations).toBe(36);
  const summary = summarize(pooled, { seed: merged.config.seed, ...merged.config.stats });
  expect(ok.latency_ms.p50).toBe(summary.p50);
  expect(ok.latency_ms.mean).toBe(summary.mean);
  expect(ok.confidence_interval.lower).toBe(summary.confidenceInterval.lower);
  expect(ok.repetitions?.map((rep) => rep.p50)).toEqual(okReps.map((rep) => rep.latency_ms.p50));
  expect(ok.repetitions?.map((rep) => rep.samples_ms)).toEqual(okReps.map((rep) => rep.samples_ms));
  expect(ok.repetitions?.map((rep) => rep.timestamp)).toEqual(okReps.map((rep) => rep.timestamp));
  const p50s = okReps.map((rep) => rep.latency_ms.p50);
  expect(ok.run_to_run_cv).toBeCloseTo(sampleStddev(p50s) / mean(p50s), 12);
  // 40, 60 and 50 us: a spread of about 20% between runs.
  expect(ok.run_to_run_cv).toBeGreaterThan(0.1);

  // Each repetition keeps its own floor's p50, which compare uses to take machine swings out.
  expect(ok.repetitions?.map((rep) => rep.floor_p50)).toEqual(
    okReps.map((rep) => rep.baseline?.latency_ms.p50),
  );

  // The floor is pooled the same way and the overhead recomputed from the pooled numbers.
  const floorPooled = okReps.flatMap((rep) => rep.baseline?.samples_ms ?? []);
  expect(ok.baseline?.samples_ms).toEqual(floorPooled);
  expect(ok.overhead?.ratio_p50).toBeCloseTo(ok.latency_ms.p50 / (ok.baseline?.latency_ms.p50 ?? 0), 12);

  expect(merged.config).toMatchObject({ repetitions: 3, aborted: false, complete: true });
  expect(merged.total_duration_seconds).toBeCloseTo(
    reps.reduce((sum, rep) => sum + rep.total_duration_seconds, 0),
    9,
  );
  expect(validateSuiteResult(JSON.parse(JSON.stringify(merged)))).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-merge-'));
  const back = await readResults(await writeSuiteResults(merged, dir));
  expect(asOk(back.benchmark_results[0]).repetitions).toHaveLength(3);
});

test('one repetition merges to itself with one repetition entry and no spread', async () => {
  const [only] = await repetitions([30_000]);
  const ok = asOk(mergeRepetitions([only as SuiteResult]).benchmark_results[0]);
  const rep = asOk(only?.benchmark_results[0]);
  expect(ok.latency_ms).toEqual(rep.latency_ms);
  expect(ok.repetitions).toHaveLength(1);
  expect(ok.run_to_run_cv).toBeUndefined();
});
