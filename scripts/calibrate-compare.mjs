#!/usr/bin/env node
// Calibrates `kaizen-bench compare` (via `kaizen-bench ab`) on this machine: how often it calls the same build
// slower or faster (A/A: false alarms) and how often it catches a planted slowdown (A/B: detection), per
// benchmark, at the default settings. Prints a Markdown table. An experiment, not a test: it takes minutes.
//
//   node scripts/calibrate-compare.mjs [--trials 5] [--repeat 5] [--slowdown 20] [--threshold 5]
//                                      [--suites fixture,checkpoints] [--mode ab|sequential] [--out results.md]
//
// --mode ab (default): each trial is one `kaizen-bench ab` (A and B interleaved, the recommended CI gate).
// --mode sequential: as two CI jobs see it: `--trials` sessions of the same build (A) and half as many with the
// planted slowdown (B), each `run --repeat N`, one after the other (A B A B ... A), then `compare` of every
// pair of A sessions (A/A) and of every A session with every B session (A/B). Its table adds what the A/A
// false alarms would have been without compare's session-drift allowance, the largest A/A change and the
// smallest A/B one.
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
    mode: { type: 'string', default: 'ab' },
    out: { type: 'string' },
  },
});
const trials = Number(values.trials);
const repeat = Number(values.repeat);
const slowdown = Number(values.slowdown) / 100;
const threshold = Number(values.threshold);
const sequential = values.mode === 'sequential';
if (!['ab', 'sequential'].includes(values.mode))
  throw new Error(`--mode ${values.mode}: use ab or sequential`);

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

/** Runs a child process of this CLI and resolves to its stdout; rejects on an exit code not in `okCodes`. */
function runCli(args, env, okCodes = [0]) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: 'true', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) =>
      okCodes.includes(code)
        ? done(stdout)
        : fail(new Error(`${args[0]} exited ${code}:\n${stderr.slice(-1500)}`)),
    );
  });
}

/** One `kaizen-bench ab` of the target, B with the planted slowdown or not; resolves to its JSON output. */
async function runAb(target, slowed, out) {
  const args = [
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
  const stdout = await runCli(args, {}, [0, 1]);
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
  if (!whole) throw new Error(`ab gave no whole comparison:\n${stdout.slice(-1500)}`);
  return json;
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

/** One session of `run --repeat N` of the target, A (no slowdown) or B (planted), into `out`. */
function runSession(target, slowed, out) {
  const [key, value] = target.env(slowed).split('=');
  return runCli(['run', ...target.args, '--repeat', String(repeat), '--out', out], { [key]: value });
}

/** `compare --format json` of two session directories. */
async function compareSessions(baseline, current) {
  const stdout = await runCli(
    ['compare', baseline, current, '--threshold', String(threshold), '--format', 'json'],
    {},
    [0, 1],
  );
  return JSON.parse(stdout);
}

/** Sequential mode for one target: A and B sessions alternated, then every A/A and A/B pair compared. */
async function calibrateSequential(name, target) {
  const sessions = { a: [], b: [] };
  const bCount = Math.max(1, Math.floor(trials / 2));
  const order = [];
  for (let i = 0; i < Math.max(trials, bCount); i++) {
    if (i < trials) order.push('a');
    if (i < bCount) order.push('b');
  }
  for (const side of order) {
    const out = join(work, `${name}-${side}${sessions[side].length + 1}`);
    await runSession(target, side === 'b', out);
    sessions[side].push(out);
    process.stderr.write(`${name} session ${side.toUpperCase()}${sessions[side].length} done\n`);
  }
  const record = async (before, after, kind) => {
    const json = await compareSessions(before, after);
    for (const bench of json.benchmarks) {
      const r = row(`${bench.suite_id} / ${bench.name}`);
      r[kind].push(bench.comparison?.verdict ?? 'not compared');
      if (bench.reason?.includes('busy machine')) r.busy++;
      // Significant but within the session-drift allowance: an alarm without it.
      if (bench.reason?.includes('drift by up to')) r.drift[kind]++;
      if (bench.comparison) r.changes[kind].push(bench.comparison.changePercent);
    }
  };
  for (let i = 0; i < sessions.a.length; i++) {
    for (let j = i + 1; j < sessions.a.length; j++) await record(sessions.a[i], sessions.a[j], 'aa');
    for (const b of sessions.b) await record(sessions.a[i], b, 'ab');
  }
}

const readSide = (out, side, suiteId) =>
  JSON.parse(readFileSync(join(out, side, `${suiteId}_results.json`), 'utf8'));

/** rows[key] = { aa: verdicts[], ab: verdicts[], raw: verdicts[], cvs: number[] } */
const rows = new Map();
const row = (key) => {
  if (!rows.has(key))
    rows.set(key, {
      aa: [],
      ab: [],
      raw: [],
      cvs: [],
      busy: 0,
      drift: { aa: 0, ab: 0 },
      changes: { aa: [], ab: [] },
    });
  return rows.get(key);
};
const startedAt = new Date();
const loadBefore = loadavg()[0];
const t0 = performance.now();
const chosen = values.suites.split(',').map((name) => name.trim());
for (const name of chosen) {
  const target = targets[name];
  if (!target) throw new Error(`unknown suite ${name}: choose from ${Object.keys(targets).join(', ')}`);
  if (sequential) {
    await calibrateSequential(name, target);
    continue;
  }
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
const how = sequential
  ? `${trials} sessions of this workspace (A) and ${Math.max(1, Math.floor(trials / 2))} with a ${values.slowdown}% slowdown planted (B), each \`run --repeat ${repeat}\`, one after the other, every A/A and A/B pair compared`
  : `\`kaizen-bench ab\` of this workspace against itself, --repeat ${repeat}, ${trials} trials per suite; A/B plants a ${values.slowdown}% slowdown in B`;
const lines = [
  `Calibration of \`compare\` (${startedAt.toISOString().slice(0, 10)}, --mode ${values.mode}): ${how}; threshold ${threshold}%, default profile. ` +
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}, ` +
    `Node ${process.version}; ${((performance.now() - t0) / 60000).toFixed(1)} min.`,
  '',
  sequential
    ? `| benchmark | A/A false alarms (slower or faster) | A/B +${values.slowdown}% detected (slower) | inconclusive for a busy machine (of all pairs) | A/A false alarms without the session-drift allowance | A/A largest change | A/B smallest change |`
    : `| benchmark | A/A false alarms (slower or faster) | A/B +${values.slowdown}% detected (slower) | run-to-run CV of p50 (median) | before: single run, raw samples, A/A false alarms |`,
  sequential ? '|---|---|---|---|---|---|---|' : '|---|---|---|---|---|',
];
const total = { aa: [], ab: [], raw: [] };
let busyTotal = 0;
let driftTotal = 0;
for (const [key, r] of rows) {
  const common = `| ${key} | ${pct(r.aa.filter(alarm).length, r.aa.length)} | ${pct(r.ab.filter((v) => v === 'slower').length, r.ab.length)} |`;
  lines.push(
    sequential
      ? `${common} ${pct(r.busy, r.aa.length + r.ab.length)} | ${pct(r.aa.filter(alarm).length + r.drift.aa, r.aa.length)} | ${Math.max(0, ...r.changes.aa.map(Math.abs)).toFixed(1)}% | ${r.changes.ab.length ? `${Math.min(...r.changes.ab) > 0 ? '+' : ''}${Math.min(...r.changes.ab).toFixed(1)}%` : '-'} |`
      : `${common} ${(median(r.cvs) * 100).toFixed(1)}% | ${pct(r.raw.filter(alarm).length, r.raw.length)} |`,
  );
  busyTotal += r.busy;
  driftTotal += r.drift.aa;
  total.aa.push(...r.aa);
  total.ab.push(...r.ab);
  total.raw.push(...r.raw);
}
const allCommon = `| **all** | **${pct(total.aa.filter(alarm).length, total.aa.length)}** | **${pct(total.ab.filter((v) => v === 'slower').length, total.ab.length)}** |`;
lines.push(
  sequential
    ? `${allCommon} **${pct(busyTotal, total.aa.length + total.ab.length)}** | **${pct(total.aa.filter(alarm).length + driftTotal, total.aa.length)}** | | |`
    : `${allCommon} | **${pct(total.raw.filter(alarm).length, total.raw.length)}** |`,
);
const table = `${lines.join('\n')}\n`;
process.stdout.write(table);
if (values.out) writeFileSync(values.out, table);
rmSync(work, { recursive: true, force: true });
