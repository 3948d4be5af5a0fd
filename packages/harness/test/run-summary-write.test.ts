import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { HarnessError, summarizeRun, writeRunSummary } from '../src/index';
import { sampleResult } from './_helpers';

test('a run summary lists every benchmark with its suite file, counts by rating and status, and is written valid', async () => {
  const [a, b] = [await sampleResult('suite_a'), await sampleResult('suite_b')];
  const startedAt = new Date('2026-11-27T10:00:00.000Z');
  const summary = summarizeRun([a, b], { startedAt, totalDurationSeconds: 12.5, aborted: false });
  expect(summary.suites.map((s) => [s.suite_id, s.file, s.benchmarks.map((x) => x.status)])).toEqual([
    ['suite_a', 'suite_a_results.json', ['ok', 'skipped', 'failed']],
    ['suite_b', 'suite_b_results.json', ['ok', 'skipped', 'failed']],
  ]);
  const ok = a.benchmark_results[0];
  if (ok?.status !== 'ok') throw new Error('expected ok');
  expect(summary.suites[0]?.benchmarks[0]).toMatchObject({ p50_ms: ok.latency_ms.p50, rating: ok.rating });
  expect(summary.suites[0]?.benchmarks[1]).toMatchObject({
    p50_ms: null,
    rating: null,
    reason: 'needs | a pipe',
  });
  const rated = { excellent: 0, good: 0, needs_work: 0, unrated: 0, [ok.rating]: 2 };
  expect(summary.counts).toEqual({ ...rated, skipped: 2, failed: 2 });
  expect(summary).toMatchObject({ timestamp: '2026-11-27T10:00:00.000Z', total_duration_seconds: 12.5 });

  const dir = mkdtempSync(join(tmpdir(), 'kaizen-summary-'));
  const path = await writeRunSummary(summary, dir);
  expect(path).toBe(join(dir, 'summary.json'));
  expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(summary);
});

test('a summary that fails its schema is not written', async () => {
  const summary = summarizeRun([await sampleResult('bad')], {
    startedAt: new Date(),
    totalDurationSeconds: -1,
    aborted: false,
  });
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-summary-bad-'));
  await expect(writeRunSummary(summary, dir)).rejects.toThrow(HarnessError);
  await expect(writeRunSummary(summary, dir)).rejects.toThrow(
    /total_duration_seconds: must be >= 0; nothing was written/,
  );
});
