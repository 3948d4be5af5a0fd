import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { OkBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createInterruptsSuite } from '../src/index';

const tempDirs = async () =>
  (await readdir(tmpdir())).filter((name) => name.startsWith('kaizen-bench-interrupts-'));

test('the suite runs end to end in quick mode: 3 rated results, per-source detection, no process or file left', async () => {
  const dirsBefore = await tempDirs();
  const notices: string[] = [];
  const result = await runSuite(createInterruptsSuite({ onNotice: (line) => notices.push(line) }), {
    profile: 'quick',
  });

  expect(result.suite_id).toBe('suite5_interrupts');
  expect(result.suite_name).toBe('Interrupts');
  const byId = Object.fromEntries(result.benchmark_results.map((r) => [r.id, r]));
  expect(Object.keys(byId)).toEqual(['interrupt_detection', 'graceful_shutdown', 'checkpoint_on_interrupt']);
  for (const r of result.benchmark_results) {
    expect(r.status, `${r.id}: ${'reason' in r ? r.reason : ''}`).toBe('ok');
    const ok = r as OkBenchmarkResult;
    // Not LLM benchmarks: the targets apply whatever the model.
    expect(['excellent', 'good', 'needs_work']).toContain(ok.rating);
    expect(ok.timing.mode).toBe('self_reported');
    expect(ok.baseline?.iterations).toBe(ok.iterations);
    expect(ok.metadata['subject']).toBe('reference agent (@kaizen-bench/agent)');
    console.log(
      `${r.id}: p50 ${ok.latency_ms.p50.toFixed(3)} ms (floor ${ok.baseline?.latency_ms.p50.toFixed(3)}), ${ok.rating}`,
    );
  }
  const [detection, shutdown, checkpoint] = result.benchmark_results as OkBenchmarkResult[];
  expect(detection?.target).toEqual({ excellentMs: 0.5, targetMs: 1 });
  expect(shutdown?.target).toEqual({ excellentMs: 5, targetMs: 10 });
  expect(checkpoint?.target).toEqual({ excellentMs: 20, targetMs: 50 });

  // Every source took its turns, the OS signal in a child process, each next to its floor.
  const meta = detection?.metadata as Record<string, Record<string, { n: number; p50: number }>>;
  expect(detection?.metadata['sources']).toEqual(['signal', 'abort', 'timeout', 'budget']);
  for (const kind of ['signal', 'abort', 'timeout', 'budget']) {
    expect(meta['detection_ms_by_source']?.[kind]?.n, kind).toBeGreaterThan(0);
    expect(meta['floor_ms_by_source']?.[kind]?.n, kind).toBeGreaterThan(0);
  }
  expect(detection?.metadata['timeout_fired_in_long_step']).toBeGreaterThan(0);
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatch(
    /^Detection by source, p50 ms \(floor\): signal [\d.]+ \([\d.]+\) n=\d+, abort .*timeout .*budget /,
  );
  const childPid = (detection?.metadata['signal_child'] as { pid: number } | undefined)?.pid ?? 0;
  expect(childPid).toBeGreaterThan(0);
  expect(() => process.kill(childPid, 0)).toThrow(/ESRCH/);

  // Shutdown: the tool settled and both hooks ran in every measured run; a fresh agent per run.
  const facts = shutdown?.metadata['shutdown_facts'] as Record<string, number>;
  expect(facts).toEqual({
    tools_settled_1: shutdown?.iterations,
    'hook close-run-log:ok': shutdown?.iterations,
    'hook close-status-server:ok': shutdown?.iterations,
  });
  // Checkpoint: every sample's checkpoint loaded back with exactly the completed steps.
  expect(checkpoint?.metadata['checkpoints_verified']).toBe(
    (checkpoint?.iterations ?? 0) + (checkpoint?.warmup_iterations ?? 0) + 1,
  );
  expect(checkpoint?.metadata['floor_bytes']).toBeGreaterThan(0);

  expect(await tempDirs()).toEqual(dirsBefore);
}, 180_000);
