#!/usr/bin/env node
// Calibrates `kaizen-bench compare` (via `kaizen-bench ab`) on this machine: how often it calls the same build
// slower or faster (A/A: false alarms) and how often it catches a planted slowdown (A/B: detection), per
// benchmark, at the default settings. Prints a Markdown table. An experiment, not a test: it takes minutes.
//
//   node scripts/calibrate-compare.mjs [--trials 5] [--repeat 5] [--slowdown 20] [--threshold 5]
//                                      [--suites fixture,checkpoints] [--out results.md]
//
// Needs the built CLI (pnpm turbo run build --filter=@kaizen-bench/cli...). Suites:
// - fixture: apps/cli/test/fixtures/busy-suite.mjs, each iteration spins FIXTURE_WORK_MS (2 ms; B: 2 x 1.2).
// - checkpoints: the real suite6_checkpoints, wrapped so that each timed call is followed, inside its timed
//   span, by a busy wait of `slowdown` x the call's own duration (side B only; side A runs the same wrapper
//   with 0, so both pay the same wrapping cost). Floors are left as they are.
// The "single run, raw samples" column replays the method `compare` used before repetitions: the first
// repetition of each side, its raw samples tested as independent draws (compareSamples).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'apps/cli/dist/bin.js');
const { compareSamples } = await import(pathToFileURL(join(root, 'packages/stats/dist/index.js')).href);

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '5' },
    repeat: { type: 'string', default: '5' },
    slowdown: { type: 'string', default: '20' },
    threshold: { type: 'string', default: '5' },
    suites: { type: 'string', default: 'fixture,checkpoints' },
    out: { type: 'string' },
  },
});
const trials = Number(values.trials);
const repeat = Number(values.repeat);
const slowdown = Number(values.slowdown) / 100;
const threshold = Number(values.threshold);

const work = mkdtempSync(join(tmpdir(), 'kaizen-calibrate-'));
const checkpointsWrapper = join(work, 'checkpoints-slowed.mjs');
writeFileSync(
  checkpointsWrapper,
  `// Written by scripts/calibrate-compare.mjs: suite6_checkpoints with a planted slowdown.
import { createCheckpointsSuite } from ${JSON.stringify(pathToFileURL(join(root, 'packages/suite-checkpoints/dist/index.js')).href)};
const factor = Number(process.env.KAIZEN_CALIBRATE_SLOWDOWN ?? '0');
function pad(startNs) {
  const end = process.hrtime.bigint() + BigInt(Math.round(Number(process.hrtime.bigint() - startNs) * factor));
  while (process.hrtime.bigint() < end) {}
}
function slowed(benchmark) {
  const fn = benchmark.fn;
  return {
    ...benchmark,
    fn(ctx) {
      const start = process.hrtime.bigint();
      const out = fn(ctx);
      if (out && typeof out.then === 'function') return out.then((value) => (pad(start), value));
      pad(start);
      return out;
    },
  };
}
export default () => {
  const suite = createCheckpointsSuite();
  return { ...suite, benchmarks: suite.benchmarks.map(slowed) };
};
`,
);

const targets = {
  fixture: {
    args: ['--suite-file', join(root, 'apps/cli/test/fixtures/busy-suite.mjs')],
    suiteId: 'fixture_busy',
    env: (slowed) => `FIXTURE_WORK_MS=${slowed ? 2 * (1 + slowdown) : 2}`,
  },
  checkpoints: {
    args: ['--suite-file', checkpointsWrapper],
    suiteId: 'suite6_checkpoints',
    env: (slowed) => `KAIZEN_CALIBRATE_SLOWDOWN=${slowed ? slowdown : 0}`,
  },
};

function runAb(target, slowed, out) {
  const args = [
    bin,
    'ab',
    root,
    root,
    ...target.args,
    '--repeat',
    String(repeat),
    '--threshold',
    String(threshold),
    '--format',
    'json',
    '--out',
    out,
    '--env-a',
    target.env(false),
    '--env-b',
    target.env(slowed),
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => {
      let json;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      // Every benchmark must have all its repetitions on both sides, or the trial does not count.
      const whole = json?.benchmarks?.every(
        (b) => b.baseline_repetitions === repeat && b.current_repetitions === repeat,
      );
      if ((code !== 0 && code !== 1) || !whole) fail(new Error(`ab exited ${code}:\n${stderr.slice(-1500)}`));
      else done(json);
    });
  });
}

/** {@link runAb}, tried up to 3 times: a shared checkout can be rebuilt under a run (dist briefly missing). */
async function runAbRetrying(target, slowed, out) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runAb(target, slowed, out);
    } catch (error) {
      if (attempt === 3) throw error;
      process.stderr.write(
        `attempt ${attempt} failed, retrying in 30 s: ${error.message.split('\n').slice(-3).join(' | ')}\n`,
      );
      rmSync(out, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 30_000));
    }
  }
}

const readSide = (out, side, suiteId) =>
  JSON.parse(readFileSync(join(out, side, `${suiteId}_results.json`), 'utf8'));

/** rows[key] = { aa: verdicts[], ab: verdicts[], raw: verdicts[], cvs: number[] } */
const rows = new Map();
const row = (key) => {
  if (!rows.has(key)) rows.set(key, { aa: [], ab: [], raw: [], cvs: [] });
  return rows.get(key);
};
const startedAt = new Date();
const loadBefore = loadavg()[0];
const t0 = performance.now();
const chosen = values.suites.split(',').map((name) => name.trim());
for (const name of chosen) {
  const target = targets[name];
  if (!target) throw new Error(`unknown suite ${name}: choose from ${Object.keys(targets).join(', ')}`);
  for (let trial = 1; trial <= trials; trial++) {
    for (const slowed of [false, true]) {
      const out = join(work, `${name}-${trial}-${slowed ? 'ab' : 'aa'}`);
      const json = await runAbRetrying(target, slowed, out);
      const a = readSide(out, 'a', target.suiteId);
      const b = readSide(out, 'b', target.suiteId);
      for (const bench of json.benchmarks) {
        const r = row(`${bench.suite_id} / ${bench.name}`);
        (slowed ? r.ab : r.aa).push(bench.comparison?.verdict ?? 'not compared');
        const before = a.benchmark_results.find((x) => x.id === bench.benchmark_id);
        const after = b.benchmark_results.find((x) => x.id === bench.benchmark_id);
        if (before?.run_to_run_cv !== undefined) r.cvs.push(before.run_to_run_cv, after.run_to_run_cv);
        if (!slowed && before?.repetitions && after?.repetitions) {
          const raw = compareSamples(before.repetitions[0].samples_ms, after.repetitions[0].samples_ms, {
            threshold: threshold / 100,
          });
          r.raw.push(raw.verdict);
        }
      }
      process.stderr.write(
        `${name} trial ${trial}/${trials} ${slowed ? `A/B +${values.slowdown}%` : 'A/A'}: ${json.benchmarks.map((b) => b.comparison?.verdict).join(', ')}\n`,
      );
    }
  }
}

const alarm = (v) => v === 'slower' || v === 'faster';
const pct = (n, d) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(0)}% (${n}/${d})`);
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const lines = [
  `Calibration of \`compare\` (${startedAt.toISOString().slice(0, 10)}): \`kaizen-bench ab\` of this workspace against itself, ` +
    `--repeat ${repeat}, threshold ${threshold}%, default profile, ${trials} trials per suite; A/B plants a ${values.slowdown}% slowdown in B. ` +
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}, ` +
    `Node ${process.version}; ${((performance.now() - t0) / 60000).toFixed(1)} min.`,
  '',
  `| benchmark | A/A false alarms (slower or faster) | A/B +${values.slowdown}% detected (slower) | run-to-run CV of p50 (median) | before: single run, raw samples, A/A false alarms |`,
  '|---|---|---|---|---|',
];
const total = { aa: [], ab: [], raw: [] };
for (const [key, r] of rows) {
  lines.push(
    `| ${key} | ${pct(r.aa.filter(alarm).length, r.aa.length)} | ${pct(r.ab.filter((v) => v === 'slower').length, r.ab.length)} | ${(median(r.cvs) * 100).toFixed(1)}% | ${pct(r.raw.filter(alarm).length, r.raw.length)} |`,
  );
  total.aa.push(...r.aa);
  total.ab.push(...r.ab);
  total.raw.push(...r.raw);
}
lines.push(
  `| **all** | **${pct(total.aa.filter(alarm).length, total.aa.length)}** | **${pct(total.ab.filter((v) => v === 'slower').length, total.ab.length)}** | | **${pct(total.raw.filter(alarm).length, total.raw.length)}** |`,
);
const table = `${lines.join('\n')}\n`;
process.stdout.write(table);
if (values.out) writeFileSync(values.out, table);
rmSync(work, { recursive: true, force: true });
