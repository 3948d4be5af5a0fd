#!/usr/bin/env node
// Measures what the sampler costs the process it runs in, from the built package (run `pnpm build` first,
// or `pnpm bench:overhead`). Usage: node bench/overhead.mjs [seconds per run = 10] [rounds = 3]
//
// Each round idles the process for the same span without a monitor, with a default monitor (50 ms,
// own process: worker sampler + main-thread heap/event-loop probe) and with includeChildren (re-walks
// /proc each sample). Idle means the only CPU the process spends is the baseline (timers, GC) plus the
// monitor, so (CPU with - CPU without) / wall time is the monitor's cost in % of one core. Medians over rounds.
import { existsSync, readFileSync } from 'node:fs';
import { startMonitor } from '../dist/index.js';

const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// CPU of the main thread alone (Linux, 10 ms ticks): the part of the cost that lands inside the
// own-process report's cpu_mean (the worker's thread is subtracted there).
const mainThreadCpuMs = () => {
  if (!existsSync('/proc/thread-self/stat')) return Number.NaN;
  const text = readFileSync('/proc/thread-self/stat', 'latin1');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function idleSpan(options) {
  const monitor = options ? startMonitor(options) : null;
  await monitor?.ready();
  const rssBefore = process.memoryUsage.rss();
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuMs();
  const wallBefore = performance.now();
  await sleep(seconds * 1000);
  const cpu = process.cpuUsage(cpuBefore);
  const mainMs = mainThreadCpuMs() - mainBefore;
  const wallMs = performance.now() - wallBefore;
  const rssAfter = process.memoryUsage.rss();
  const report = await monitor?.stop();
  return {
    cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    mainPercent: (mainMs / wallMs) * 100,
    rssMb: (rssAfter + rssBefore) / 2 / 1024 / 1024,
    samples: report?.samples ?? 0,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

const conditions = {
  none: null,
  default: { intervalMs: 50 },
  includeChildren: { intervalMs: 50, includeChildren: true },
};
const results = Object.fromEntries(Object.keys(conditions).map((name) => [name, []]));
await idleSpan(null); // warm-up: module loading and JIT out of the measured runs
for (let round = 0; round < rounds; round++) {
  for (const [name, options] of Object.entries(conditions)) {
    results[name].push(await idleSpan(options));
  }
}

const baseline = median(results.none.map((r) => r.cpuPercent));
const baselineRss = median(results.none.map((r) => r.rssMb));
const baselineMain = median(results.none.map((r) => r.mainPercent));
console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${rounds} rounds x ${seconds} s idle per condition`);
console.log(`no monitor: ${baseline.toFixed(3)} % of one core (process baseline)`);
for (const name of ['default', 'includeChildren']) {
  const runs = results[name];
  const added = median(runs.map((r) => r.cpuPercent)) - baseline;
  const samples = median(runs.map((r) => r.samples));
  const perSampleMs = ((added / 100) * seconds * 1000) / samples;
  const rss = median(runs.map((r) => r.rssMb)) - baselineRss;
  const main = median(runs.map((r) => r.mainPercent)) - baselineMain;
  console.log(
    `${name}: +${added.toFixed(3)} % of one core in total (main thread: +${main.toFixed(3)} %), ` +
      `~${(perSampleMs * 1000).toFixed(0)} µs CPU per sample (${samples} samples), +${rss.toFixed(1)} MB RSS`,
  );
}
