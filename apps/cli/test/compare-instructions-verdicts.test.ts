import { expect, test } from 'vitest';
import { compareCounts } from '../src/compare-instructions';

const block = (repetitions: number[], over: Record<string, unknown> = {}) => {
  const mean = repetitions.reduce((a, b) => a + b, 0) / repetitions.length;
  return {
    status: 'ok' as const,
    instructions_per_iteration: mean,
    repetitions,
    spread: (Math.max(...repetitions) - Math.min(...repetitions)) / mean,
    iterations: 10,
    warmup_iterations: 5,
    cost_kind: 'cpu' as const,
    duration_seconds: 30,
    valgrind_version: '3.19.0',
    node_version: 'v20.20.2',
    valgrind_flags: ['--tool=callgrind'],
    node_flags: ['--single-threaded', '--predictable'],
    ...over,
  };
};
const base = block([4_338_100, 4_338_102, 4_338_099]);

test('the same counts within parts per million: unchanged', () => {
  expect(compareCounts(base, block([4_338_101, 4_338_098, 4_338_103]), 0.01).verdict).toBe('unchanged');
});

test('5% more instructions beyond a 1% threshold, repetitions apart: slower; 5% fewer: faster', () => {
  const more = compareCounts(base, block([4_555_000, 4_555_002, 4_555_001]), 0.01);
  expect(more.verdict).toBe('slower');
  expect(more.change).toBeCloseTo(4_555_001 / 4_338_100.333 - 1, 9);
  expect(compareCounts(base, block([4_121_200, 4_121_201, 4_121_199]), 0.01).verdict).toBe('faster');
});

test('a change smaller than the threshold is unchanged even when real', () => {
  expect(compareCounts(base, block([4_360_000, 4_360_001, 4_360_002]), 0.01).verdict).toBe('unchanged');
});

test('beyond the threshold but within overlapping repetitions (a noisy waiting benchmark): inconclusive', () => {
  const noisy = compareCounts(block([100_000, 130_000, 90_000]), block([95_000, 140_000, 128_000]), 0.01);
  expect(noisy.verdict).toBe('inconclusive');
  expect(noisy.reason).toMatch(/overlap/);
});

test('counts taken with another Node, or a single repetition, are not judged', () => {
  const other = compareCounts(base, block([4_555_000, 4_555_001], { node_version: 'v22.1.0' }), 0.01);
  expect(other.verdict).toBe('inconclusive');
  expect(other.reason).toMatch(/node v20\.20\.2 vs v22\.1\.0/);
  const single = compareCounts(block([4_338_100]), block([4_555_000]), 0.01);
  expect(single.verdict).toBe('inconclusive');
  expect(single.reason).toMatch(/one repetition/);
});

test('two runs stopped at different calls by the time budget are compared over the calls both made', () => {
  // The first call costs more (cold code); run A made 5 calls, run B only 3 of the same cost each.
  const calls = [5_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000];
  const a = block([4_200_000, 4_200_000, 4_200_000], {
    iteration_counts: [calls, calls, calls],
    iterations: 5,
  });
  const three = calls.slice(0, 3);
  const b = block([4_333_333, 4_333_333, 4_333_334], {
    iteration_counts: [three, three, three],
    iterations: 3,
  });
  const verdict = compareCounts(a, b, 0.01);
  expect(verdict.verdict).toBe('unchanged');
  expect(verdict.change).toBeCloseTo(0, 12);
});
