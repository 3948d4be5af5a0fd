import type { OkBenchmarkResult, SkippedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createInterruptsSuite } from '../src/index';
import { plainLoopSubject } from './_plain-subject';

test('a framework with only a caller abort is measured on what it has; what it lacks is named, never faked', async () => {
  const subject = plainLoopSubject();
  const lacking = { ...subject, loadCheckpoint: undefined };
  const result = await runSuite(createInterruptsSuite({ subject: lacking }), {
    iterations: 4,
    warmup: 0,
    monitor: false,
  });
  const [detection, shutdown, checkpoint] = result.benchmark_results;
  expect(result.metadata['subject']).toBe('plain loop');

  expect(detection?.status).toBe('ok');
  const ok = detection as OkBenchmarkResult;
  expect(ok.metadata['sources']).toEqual(['abort']);
  expect(ok.metadata['sources_left_out']).toEqual({
    timeout: 'the subject does not support it',
    budget: 'the subject does not support it',
    signal: 'the subject has no signalChild entry',
  });
  expect((ok.metadata['detection_ms_by_source'] as Record<string, { n: number }>)['abort']?.n).toBe(4);

  expect(shutdown?.status).toBe('ok');
  expect(checkpoint?.status).toBe('skipped');
  expect((checkpoint as SkippedBenchmarkResult).reason).toMatch(
    /subject plain loop has no loadCheckpoint\(\)/,
  );
  // A subject passed as an object is the caller's: used by every benchmark, never closed.
  expect(subject.closed).toBe(false);
}, 60_000);

test('its checkpoint is verified like the default one', async () => {
  const result = await runSuite(createInterruptsSuite({ subject: () => plainLoopSubject(), fastSteps: 3 }), {
    iterations: 3,
    warmup: 0,
    monitor: false,
  });
  const checkpoint = result.benchmark_results[2] as OkBenchmarkResult;
  expect(checkpoint.status).toBe('ok');
  expect(checkpoint.metadata['checkpoints_verified']).toBe(4);
  expect(checkpoint.metadata['fast_steps']).toBe(3);
}, 60_000);
