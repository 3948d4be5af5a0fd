import { compareSamples, createRng, type Rng, summarize } from '@kaizen-bench/stats';
import { describe, expect, it } from 'vitest';
import {
  BUSY_CPU_PRESSURE,
  compareRepetitions,
  type RepetitionSide,
  SESSION_DRIFT,
} from '../src/compare-repetitions';

// Simulated runs, no timing: each repetition's level is drawn around the build's true cost with a run-to-run
// spread (JIT, heap layout, page cache, CPU frequency, neighbours), and its samples around that level.
const SAMPLES_PER_RUN = 60;
const WITHIN_RUN_SIGMA = 0.15;

/** A side of p50s only: no floor, no pressure reading (a machine without PSI). */
const side = (p50s: number[], extra: Partial<RepetitionSide> = {}): RepetitionSide => ({
  p50s,
  cpuPressure: p50s.map(() => undefined),
  ...extra,
});
const interleaved = { threshold: 0.05, interleaved: true };

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
    counts[compareRepetitions(side(before), side(after), interleaved).comparison.verdict]++;
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
      const verdict = compareRepetitions(side([summarize(before).p50]), side([summarize(after).p50]), {
        threshold: 0.05,
        interleaved: false,
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
    const few = compareRepetitions(side([10, 10.2, 9.9]), side([20, 20.5, 19.8, 20.1, 20.3]), interleaved);
    expect(few.comparison.verdict).toBe('inconclusive');
    expect(few.reason).toMatch(/^3 vs 5 repetitions cannot separate a change from run-to-run noise/);

    const noisy = compareRepetitions(side([10, 14, 8, 12, 9]), side([11, 15, 9, 13, 10.5]), interleaved);
    expect(noisy.comparison.verdict).toBe('inconclusive');
    expect(noisy.reason).toMatch(
      /^a change of \+\d+\.\d% is within run-to-run noise over 5 vs 5 repetitions \(p = /,
    );
    expect(noisy.comparison.ratio?.lower).toBeLessThan(1);
    expect(noisy.comparison.ratio?.upper).toBeGreaterThan(1);
  });

  it('a clear change over 5 vs 5 repetitions is slower, with a ratio CI above 1 and the exact test', () => {
    const verdict = compareRepetitions(
      side([10, 10.3, 9.8, 10.1, 10.2]),
      side([12, 12.4, 11.9, 12.2, 12.1]),
      interleaved,
    );
    expect(verdict.comparison.verdict).toBe('slower');
    expect(verdict.comparison.testMethod).toBe('exact');
    expect(verdict.comparison.pValue).toBeCloseTo(2 / 252, 12);
    expect(verdict.comparison.ratio?.value).toBeCloseTo(12.1 / 10.1, 12);
    expect(verdict.comparison.ratio?.lower).toBeGreaterThan(1);
    expect(verdict.reason).toBeUndefined();
  });
});

// Runs one after the other (not interleaved), as `compare` of two CI jobs sees them. Each session draws an
// effect shared by the subject and its floor (a disk or page-cache state that adds the same time to both, as
// Load's readFile does here: 0.22 ms in some stretches of runs, 0.10 ms in others).
/** One repetition: the runtime's own time plus the floor, which carries the session's disk state. */
function floorRepetition(rng: Rng, options: { ownMs: number; floorMs: number; slowdown: number }) {
  const floor = options.floorMs * (1 + 0.03 * gaussian(rng));
  const own = options.ownMs * (1 + options.slowdown) * (1 + 0.03 * gaussian(rng));
  return { p50: own + floor, floor };
}

function sessionSide(rng: Rng, repetitions: number, slowdown: number, withFloor: boolean): RepetitionSide {
  // The whole session lands in one disk state (0.22 ms or 0.10 ms of readFile): what makes runs of different
  // times differ, for the subject and its floor alike.
  const floorMs = rng.next() < 0.5 ? 0.22 : 0.1;
  const runs = Array.from({ length: repetitions }, () =>
    floorRepetition(rng, { ownMs: 0.31, floorMs, slowdown }),
  );
  const p50s = runs.map((run) => run.p50);
  return withFloor ? side(p50s, { floorP50s: runs.map((run) => run.floor) }) : side(p50s);
}

describe('compare of runs that did not overlap in time', () => {
  const notInterleaved = { threshold: 0.05, interleaved: false };

  it('takes the floor out: a shared session effect cries wolf on p50s, not on floor-adjusted p50s', () => {
    const rng = createRng(11);
    const trials = 300;
    let p50Alarms = 0;
    let adjustedAlarms = 0;
    for (let trial = 0; trial < trials; trial++) {
      const before = sessionSide(rng, 5, 0, true);
      const after = sessionSide(rng, 5, 0, true);
      const plain = compareRepetitions(side(before.p50s), side(after.p50s), notInterleaved);
      const adjusted = compareRepetitions(before, after, notInterleaved);
      expect(plain.comparison.unit).toBe('repetition_p50');
      expect(adjusted.comparison.unit).toBe('repetition_p50_floor_adjusted');
      if (plain.comparison.verdict === 'slower' || plain.comparison.verdict === 'faster') p50Alarms++;
      if (adjusted.comparison.verdict === 'slower' || adjusted.comparison.verdict === 'faster')
        adjustedAlarms++;
    }
    expect(p50Alarms / trials).toBeGreaterThan(0.3);
    expect(adjustedAlarms / trials).toBeLessThanOrEqual(0.05);
  });

  it('a planted 20% slowdown of the subject alone is still caught on floor-adjusted p50s', () => {
    const rng = createRng(12);
    const trials = 300;
    let detected = 0;
    for (let trial = 0; trial < trials; trial++) {
      // The session-drift allowance is off here (its own tests are below): this is about the floor adjustment.
      const verdict = compareRepetitions(sessionSide(rng, 5, 0, true), sessionSide(rng, 5, 0.2, true), {
        threshold: 0.05,
        interleaved: false,
        sessionDrift: 0,
      });
      if (verdict.comparison.verdict === 'slower') detected++;
    }
    expect(detected / trials).toBeGreaterThanOrEqual(0.9);
  });

  it('adjusts each repetition by its own floor, against the baseline median floor, clamped at 0', () => {
    const before = side([1.5, 1.6, 1.4, 1.5], { floorP50s: [0.9, 1.0, 0.8, 0.9] });
    const after = side([2.5, 2.6, 0.5, 2.4], { floorP50s: [1.9, 2.0, 3.0, 1.8] });
    const verdict = compareRepetitions(before, after, notInterleaved);
    // Before: p50 - floor + 0.9 = 1.5 1.5 1.5 1.5; after: 1.5 1.5 0 (clamped) 1.5.
    expect(verdict.comparison.baselineMedian).toBeCloseTo(1.5, 12);
    expect(verdict.comparison.currentMedian).toBeCloseTo(1.5, 12);
    expect(verdict.comparison.verdict).toBe('unchanged');
  });

  it('uses p50s when either side lacks a floor in some repetition', () => {
    const before = side([1, 1, 1, 1], { floorP50s: [0.5, 0.5, 0.5, 0.5] });
    const verdict = compareRepetitions(before, side([1, 1, 1, 1]), notInterleaved);
    expect(verdict.comparison.unit).toBe('repetition_p50');
  });

  it('a busy machine on either side turns slower/faster into inconclusive, naming the side and repetition', () => {
    const quiet = [0.02, 0.03, 0.01, 0.02, 0.04];
    const busy = [0.03, 0.02, BUSY_CPU_PRESSURE + 0.25, 0.05, 0.01];
    const before = [10, 10.3, 9.8, 10.1, 10.2];
    const after = [12, 12.4, 11.9, 12.2, 12.1];
    const busyAfter = compareRepetitions(
      side(before, { cpuPressure: quiet }),
      side(after, { cpuPressure: busy }),
      notInterleaved,
    );
    expect(busyAfter.comparison.verdict).toBe('inconclusive');
    expect(busyAfter.comparison.changePercent).toBeGreaterThan(15);
    expect(busyAfter.reason).toMatch(
      /^the current run was on a busy machine \(some task waited for a CPU 45% of the time in repetition 3; above 20% counts as busy\) and the two runs did not overlap in time: a busier machine cannot be told from a slower build/,
    );
    const busyBefore = compareRepetitions(
      side(before, { cpuPressure: busy }),
      side(after, { cpuPressure: quiet }),
      notInterleaved,
    );
    expect(busyBefore.reason).toMatch(/^the baseline run was on a busy machine/);
    // Quiet on both sides, or interleaved (drift hits both alike): the verdict stands.
    const bothQuiet = compareRepetitions(
      side(before, { cpuPressure: quiet }),
      side(after, { cpuPressure: quiet }),
      notInterleaved,
    );
    expect(bothQuiet.comparison.verdict).toBe('slower');
    const abRun = compareRepetitions(
      side(before, { cpuPressure: busy }),
      side(after, { cpuPressure: busy }),
      interleaved,
    );
    expect(abRun.comparison.verdict).toBe('slower');
  });

  it('a busy machine does not turn "unchanged" into anything else', () => {
    const busy = [0.6, 0.6, 0.6, 0.6];
    const verdict = compareRepetitions(
      side([10, 10.1, 9.9, 10], { cpuPressure: busy }),
      side([10, 10.2, 9.9, 10.1], { cpuPressure: busy }),
      notInterleaved,
    );
    expect(verdict.comparison.verdict).toBe('unchanged');
    expect(verdict.reason).toBeUndefined();
  });
});

// Sessions of a CPU-bound benchmark whose floor does not carry the machine's speed (Compression: brotli beside
// an fsync floor): each session runs at its own speed (CPU frequency, the host's other guests), sd 3%, and its
// repetitions agree within 1%, so two sessions of one build differ as a whole by more than the threshold.
function cpuSession(rng: Rng, slowdown: number): RepetitionSide {
  const speed = 1 + 0.03 * gaussian(rng);
  return side(Array.from({ length: 5 }, () => 4 * (1 + slowdown) * speed * (1 + 0.01 * gaussian(rng))));
}

describe('session drift: runs that did not overlap in time, on a quiet machine', () => {
  const rates = (sessionDrift: number, slowdown: number, interleaved = false) => {
    const rng = createRng(21);
    const trials = 400;
    const counts = { slower: 0, faster: 0, unchanged: 0, inconclusive: 0 };
    for (let trial = 0; trial < trials; trial++) {
      const verdict = compareRepetitions(cpuSession(rng, 0), cpuSession(rng, slowdown), {
        threshold: 0.05,
        interleaved,
        sessionDrift,
      });
      counts[verdict.comparison.verdict]++;
    }
    return { falseAlarm: (counts.slower + counts.faster) / trials, detected: counts.slower / trials };
  };

  it('without an allowance, same-build sessions cry wolf; with the default one, at most 5% of verdicts', () => {
    expect(rates(0, 0).falseAlarm).toBeGreaterThan(0.15);
    expect(SESSION_DRIFT).toBe(0.15);
    expect(rates(SESSION_DRIFT, 0).falseAlarm).toBeLessThanOrEqual(0.05);
  });

  it('the price: a planted 20% slowdown is caught less often apart than interleaved; 30% still at least 90%', () => {
    const apart = rates(SESSION_DRIFT, 0.2).detected;
    expect(apart).toBeGreaterThanOrEqual(0.7);
    expect(apart).toBeLessThan(rates(SESSION_DRIFT, 0.2, true).detected);
    expect(rates(SESSION_DRIFT, 0.3).detected).toBeGreaterThanOrEqual(0.9);
  });

  it('a significant change within the allowance is inconclusive with the reason; interleaved, it stands', () => {
    const before = side([4, 4.02, 3.98, 4.01, 3.99]);
    const after = side([4.32, 4.35, 4.3, 4.33, 4.31]);
    const apart = compareRepetitions(before, after, { threshold: 0.05, interleaved: false });
    expect(apart.comparison.verdict).toBe('inconclusive');
    expect(apart.comparison.pValue).toBeLessThan(0.05);
    expect(apart.reason).toMatch(
      /^\+8\.0% is significant over the repetitions, but the two runs did not overlap in time and separate sessions of one build drift by up to 15%: use kaizen-bench ab/,
    );
    expect(compareRepetitions(before, after, { threshold: 0.05, interleaved: true }).comparison.verdict).toBe(
      'slower',
    );
    // Beyond the allowance it stands apart too; an allowance of 0 turns the rule off.
    const far = side([4.8, 4.82, 4.78, 4.81, 4.79]);
    expect(compareRepetitions(before, far, { threshold: 0.05, interleaved: false }).comparison.verdict).toBe(
      'slower',
    );
    expect(
      compareRepetitions(before, after, { threshold: 0.05, interleaved: false, sessionDrift: 0 }).comparison
        .verdict,
    ).toBe('slower');
  });
});
