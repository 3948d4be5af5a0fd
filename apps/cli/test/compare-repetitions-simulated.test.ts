import { compareSamples, createRng, type Rng, summarize } from '@kaizen-bench/stats';
import { describe, expect, it } from 'vitest';
import { compareRepetitions } from '../src/compare-repetitions';

// Simulated runs, no timing: each repetition's level is drawn around the build's true cost with a run-to-run
// spread (JIT, heap layout, page cache, CPU frequency, neighbours), and its samples around that level.
const SAMPLES_PER_RUN = 60;
const WITHIN_RUN_SIGMA = 0.15;

function gaussian(rng: Rng): number {
  return rng.normal();
}

/** One run's raw samples (ms): lognormal around a level that itself varies run to run, with a few spikes. */
function simulateRun(rng: Rng, costMs: number, runToRunCv: number): number[] {
  const level = costMs * Math.exp(runToRunCv * gaussian(rng));
  return Array.from({ length: SAMPLES_PER_RUN }, () => {
    const sample = level * Math.exp(WITHIN_RUN_SIGMA * gaussian(rng));
    return rng.next() < 0.03 ? sample * 4 : sample;
  });
}

/** The p50 each repetition reports (the seed's method, as the harness computes it). */
function repetitionP50s(rng: Rng, costMs: number, runToRunCv: number, repetitions: number): number[] {
  return Array.from({ length: repetitions }, () => summarize(simulateRun(rng, costMs, runToRunCv)).p50);
}

function verdictRates(options: {
  seed: number;
  trials: number;
  repetitions: number;
  runToRunCv: number;
  slowdown: number;
}) {
  const rng = createRng(options.seed);
  const counts = { slower: 0, faster: 0, unchanged: 0, inconclusive: 0 };
  for (let trial = 0; trial < options.trials; trial++) {
    const before = repetitionP50s(rng, 10, options.runToRunCv, options.repetitions);
    const after = repetitionP50s(rng, 10 * (1 + options.slowdown), options.runToRunCv, options.repetitions);
    counts[compareRepetitions(before, after, { threshold: 0.05 }).comparison.verdict]++;
  }
  return {
    falseAlarm: (counts.slower + counts.faster) / options.trials,
    detected: counts.slower / options.trials,
    counts,
  };
}

describe('compare over repetitions, on simulated runs with run-to-run effects', () => {
  it('same build (A/A), 5 repetitions per side, runs 8% apart: at most 5% of verdicts slower or faster', () => {
    const rates = verdictRates({ seed: 1, trials: 400, repetitions: 5, runToRunCv: 0.08, slowdown: 0 });
    expect(rates.falseAlarm).toBeLessThanOrEqual(0.05);
  });

  it('same build with 4 repetitions per side (the minimum) and runs 10% apart: still at most 5%', () => {
    const rates = verdictRates({ seed: 2, trials: 400, repetitions: 4, runToRunCv: 0.1, slowdown: 0 });
    expect(rates.falseAlarm).toBeLessThanOrEqual(0.05);
  });

  it('a planted 20% slowdown, 5 repetitions per side, runs 5% apart: detected in at least 90%, never "faster"', () => {
    const rates = verdictRates({ seed: 3, trials: 300, repetitions: 5, runToRunCv: 0.05, slowdown: 0.2 });
    expect(rates.detected).toBeGreaterThanOrEqual(0.9);
    expect(rates.counts.faster).toBe(0);
  });

  it('noisier runs (10% apart) need more repetitions: 8 per side detect the 20% slowdown more often than 5', () => {
    const five = verdictRates({ seed: 4, trials: 300, repetitions: 5, runToRunCv: 0.1, slowdown: 0.2 });
    const eight = verdictRates({ seed: 4, trials: 300, repetitions: 8, runToRunCv: 0.1, slowdown: 0.2 });
    expect(eight.detected).toBeGreaterThan(five.detected);
    expect(eight.detected).toBeGreaterThanOrEqual(0.8);
  });

  it('1 repetition per side is inconclusive with the reason, where the raw samples of the same runs cry wolf', () => {
    const rng = createRng(5);
    let rawAlarms = 0;
    const trials = 100;
    for (let trial = 0; trial < trials; trial++) {
      const before = simulateRun(rng, 10, 0.08);
      const after = simulateRun(rng, 10, 0.08);
      // The old method: every within-run sample as an independent draw.
      const raw = compareSamples(before, after, { threshold: 0.05 }).verdict;
      if (raw === 'slower' || raw === 'faster') rawAlarms++;
      const verdict = compareRepetitions([summarize(before).p50], [summarize(after).p50], {
        threshold: 0.05,
      });
      expect(verdict.comparison.verdict).toBe('inconclusive');
      expect(verdict.reason).toBe(
        '1 repetition per side cannot separate a change from run-to-run noise: use --repeat 5 (at least 4 per side)',
      );
      expect(verdict.comparison.ratio).toBeNull();
    }
    // Same build every time, yet the raw samples call a large share of pairs slower or faster.
    expect(rawAlarms / trials).toBeGreaterThan(0.3);
  });

  it('uneven counts below the minimum name both; a large change within the noise says so', () => {
    const few = compareRepetitions([10, 10.2, 9.9], [20, 20.5, 19.8, 20.1, 20.3], { threshold: 0.05 });
    expect(few.comparison.verdict).toBe('inconclusive');
    expect(few.reason).toMatch(/^3 vs 5 repetitions cannot separate a change from run-to-run noise/);

    const noisy = compareRepetitions([10, 14, 8, 12, 9], [11, 15, 9, 13, 10.5], { threshold: 0.05 });
    expect(noisy.comparison.verdict).toBe('inconclusive');
    expect(noisy.reason).toMatch(
      /^a change of \+\d+\.\d% is within run-to-run noise over 5 vs 5 repetitions \(p = /,
    );
    expect(noisy.comparison.ratio?.lower).toBeLessThan(1);
    expect(noisy.comparison.ratio?.upper).toBeGreaterThan(1);
  });

  it('a clear change over 5 vs 5 repetitions is slower, with a ratio CI above 1 and the exact test', () => {
    const verdict = compareRepetitions([10, 10.3, 9.8, 10.1, 10.2], [12, 12.4, 11.9, 12.2, 12.1], {
      threshold: 0.05,
    });
    expect(verdict.comparison.verdict).toBe('slower');
    expect(verdict.comparison.testMethod).toBe('exact');
    expect(verdict.comparison.pValue).toBeCloseTo(2 / 252, 12);
    expect(verdict.comparison.ratio?.value).toBeCloseTo(12.1 / 10.1, 12);
    expect(verdict.comparison.ratio?.lower).toBeGreaterThan(1);
    expect(verdict.reason).toBeUndefined();
  });
});
