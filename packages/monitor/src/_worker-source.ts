/**
 * Source of the sampler's worker thread, run with `new Worker(source, { eval: true })`.
 *
 * Why a string: a worker file would need a path that differs between `src/` under vitest and the ESM and
 * CJS builds in `dist/`; inline source has no path to resolve. It is plain CommonJS JavaScript using only
 * `node:*` modules (plus pidusage through an absolute path handed in `workerData`).
 * Keep it free of backticks and dollar-brace: it lives inside `String.raw`.
 *
 * Protocol. Worker -> main: `{ type: 'ready' }` after the baseline reading, `{ type: 'error', kind, message }`,
 * `{ type: 'report', totals }`. Main -> worker: `{ type: 'stop' }`.
 */
export const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');

const { pid, intervalMs, includeChildren, method, ownProcess, pidusagePath, minTailFraction, maxCpuPercent } =
  workerData;

// One buffer for every /proc read: a sample is a handful of open/read/close calls, no allocation beyond the string.
const buffer = Buffer.allocUnsafe(16384);
function readText(path) {
  let fd = -1;
  try {
    fd = fs.openSync(path, 'r');
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('latin1', 0, length);
  } catch {
    return null;
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

// utime and stime are in clock ticks; the kernel tells the tick rate in the aux vector (AT_CLKTCK = 17).
function clockTicksPerSecond() {
  try {
    const auxv = fs.readFileSync('/proc/self/auxv');
    if (!/64|s390x/.test(process.arch)) return 100;
    for (let i = 0; i + 16 <= auxv.length; i += 16) {
      const key = auxv.readBigUInt64LE(i);
      if (key === 0n) break;
      if (key === 17n) return Number(auxv.readBigUInt64LE(i + 8)) || 100;
    }
  } catch {}
  return 100;
}

// /proc/<pid>/stat: the command name (field 2) may contain spaces and parentheses, so split after the last ')'.
function parseStat(text) {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

function parseStatus(text) {
  const rss = /VmRSS:\s+(\d+) kB/.exec(text);
  const threads = /Threads:\s+(\d+)/.exec(text);
  return { rssBytes: rss ? Number(rss[1]) * 1024 : 0, threads: threads ? Number(threads[1]) : 0 };
}

function processIds() {
  const ids = [];
  for (const name of fs.readdirSync('/proc')) {
    const code = name.charCodeAt(0);
    if (code >= 48 && code <= 57) ids.push(Number(name));
  }
  return ids;
}

const hz = method === 'procfs' ? clockTicksPerSecond() : 0;
const msPerTick = hz > 0 ? 1000 / hz : 0;

// The sampler's own thread: subtracted from the own process's CPU and thread count.
function readSelfCpuMs() {
  if (!ownProcess || method !== 'procfs') return 0;
  const text = readText('/proc/thread-self/stat');
  return text === null ? 0 : parseStat(text).ticks * msPerTick;
}

// A reading: wall time, CPU time per pid (ms, cumulative), total RSS and threads. null = the process is gone.
function readProcfs() {
  const atMs = Number(process.hrtime.bigint()) / 1e6;
  const cpuMsByPid = new Map();
  let pids = [pid];
  const statText = new Map();
  if (includeChildren) {
    const childrenOf = new Map();
    for (const id of processIds()) {
      const text = readText('/proc/' + id + '/stat');
      if (text === null) continue;
      statText.set(id, text);
      const { ppid } = parseStat(text);
      const list = childrenOf.get(ppid);
      if (list) list.push(id);
      else childrenOf.set(ppid, [id]);
    }
    if (!statText.has(pid)) return null;
    pids = [];
    const queue = [pid];
    while (queue.length > 0) {
      const id = queue.pop();
      pids.push(id);
      for (const child of childrenOf.get(id) || []) queue.push(child);
    }
  }
  let rssBytes = 0;
  let threads = 0;
  for (const id of pids) {
    const stat = statText.get(id) ?? readText('/proc/' + id + '/stat');
    const status = readText('/proc/' + id + '/status');
    if (stat === null || status === null) {
      if (id === pid) return null;
      continue;
    }
    cpuMsByPid.set(id, parseStat(stat).ticks * msPerTick);
    const s = parseStatus(status);
    rssBytes += s.rssBytes;
    threads += s.threads;
  }
  if (ownProcess) threads -= 1;
  return { atMs, cpuMsByPid, rssBytes, threads, selfCpuMs: readSelfCpuMs() };
}

let pidusage = null;
async function readPortable() {
  const atMs = Number(process.hrtime.bigint()) / 1e6;
  if (ownProcess) {
    const usage = process.cpuUsage();
    const cpuMsByPid = new Map([[pid, (usage.user + usage.system) / 1000]]);
    // Portable readings have no thread count: 0 means "not measured".
    return { atMs, cpuMsByPid, rssBytes: process.memoryUsage.rss(), threads: 0, selfCpuMs: 0 };
  }
  if (pidusage === null) pidusage = require(pidusagePath);
  try {
    const stat = await pidusage(pid);
    return { atMs, cpuMsByPid: new Map([[pid, stat.ctime]]), rssBytes: stat.memory, threads: 0, selfCpuMs: 0 };
  } catch {
    return null;
  }
}

const read = method === 'procfs' ? async () => readProcfs() : readPortable;

const totals = { samples: 0, cpuSum: 0, cpuPeak: 0, memSum: 0, memPeak: 0, threadsSum: 0, threadsPeak: 0, exited: false };
let previous = null;

// One sample = one interval: CPU over the interval (never a lifetime average), RSS and threads at its end.
function record(current) {
  const wallMs = current.atMs - previous.atMs;
  if (wallMs <= 0) return;
  let cpuMs = 0;
  for (const [id, ms] of current.cpuMsByPid) {
    const before = previous.cpuMsByPid.get(id);
    // A pid new since the last reading (a child born in this interval) counts all its CPU time.
    cpuMs += before === undefined || ms < before ? ms : ms - before;
  }
  cpuMs = Math.max(0, cpuMs - Math.max(0, current.selfCpuMs - previous.selfCpuMs));
  // Tick quantization can push a short interval past what the machine can do: cap at all cores busy.
  const cpu = Math.min(maxCpuPercent, (cpuMs / wallMs) * 100);
  totals.samples += 1;
  totals.cpuSum += cpu;
  totals.cpuPeak = Math.max(totals.cpuPeak, cpu);
  totals.memSum += current.rssBytes;
  totals.memPeak = Math.max(totals.memPeak, current.rssBytes);
  totals.threadsSum += current.threads;
  totals.threadsPeak = Math.max(totals.threadsPeak, current.threads);
  previous = current;
}

let stopping = false;
let timer = null;
let inFlight = Promise.resolve();
let startMs = 0;
let tickIndex = 0;

function schedule() {
  if (stopping || totals.exited) return;
  const nowMs = Number(process.hrtime.bigint()) / 1e6;
  tickIndex += 1;
  // Keep a fixed grid; if this thread fell behind (starved CPU), skip missed slots instead of bursting.
  if (startMs + tickIndex * intervalMs < nowMs) tickIndex = Math.ceil((nowMs - startMs) / intervalMs);
  timer = setTimeout(tick, Math.max(0, startMs + tickIndex * intervalMs - nowMs));
}

function tick() {
  timer = null;
  inFlight = read().then((current) => {
    if (current === null) totals.exited = true;
    else record(current);
    schedule();
  });
}

async function stop() {
  stopping = true;
  if (timer !== null) clearTimeout(timer);
  await inFlight;
  if (!totals.exited) {
    const current = await read();
    if (current === null) totals.exited = true;
    else if (totals.samples === 0 || current.atMs - previous.atMs >= intervalMs * minTailFraction) record(current);
  }
  parentPort.postMessage({ type: 'report', totals });
}

const started = (async () => {
  previous = await read();
  if (previous === null) {
    parentPort.postMessage({ type: 'error', kind: 'not-found', message: 'process ' + pid + ' not found' });
    return false;
  }
  startMs = previous.atMs;
  parentPort.postMessage({ type: 'ready' });
  schedule();
  return true;
})();

parentPort.on('message', (message) => {
  if (message && message.type === 'stop') {
    started
      .then((ok) => (ok ? stop() : undefined))
      .catch((error) => parentPort.postMessage({ type: 'error', kind: 'failed', message: String(error && error.stack || error) }));
  }
});
`;
