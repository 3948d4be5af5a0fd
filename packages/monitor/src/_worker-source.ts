/**
 * Source of the sampler's worker thread, run with `new Worker(source, { eval: true })`.
 *
 * Why a string: a worker file would need a path that differs between `src/` under vitest and the ESM and
 * CJS builds in `dist/`; inline source has no path to resolve. It is plain CommonJS JavaScript using only
 * `node:*` modules (plus pidusage through an absolute path handed in `workerData`).
 * Keep it free of backticks and dollar-brace: it lives inside `String.raw`.
 *
 * Protocol. Worker -> main: `{ type: 'ready' }` after the baseline reading, `{ type: 'error', kind, message }`,
 * `{ type: 'report', totals }` (at stop, or early when the process exits). Main -> worker: sets
 * `control[0] = 1` in a SharedArrayBuffer and notifies it, which wakes the worker at once.
 *
 * Why Atomics.wait between samples instead of timers: a timer wake-up runs the worker's whole event loop
 * and measured ~2x the CPU of a futex wait here; /proc files stay open and are re-read with pread at
 * offset 0 (the kernel regenerates them), saving an open and a close per file per sample.
 */
export const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');

const { pid, intervalMs, includeChildren, method, ownProcess, pidusagePath, minTailFraction, maxCpuPercent, control } =
  workerData;
const stopRequested = () => Atomics.load(control, 0) !== 0;
// The main thread terminates this worker once it has the report; until then stay alive, so the report
// message can never race the worker's exit.
setInterval(() => {}, 2 ** 30);

// One buffer for every /proc read; files are opened once and re-read at offset 0.
const buffer = Buffer.allocUnsafe(16384);
const openFiles = new Map();
function readText(path) {
  let fd = openFiles.get(path);
  try {
    if (fd === undefined) {
      fd = fs.openSync(path, 'r');
      openFiles.set(path, fd);
    }
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('latin1', 0, length);
  } catch {
    closeFile(path);
    return null;
  }
}
function closeFile(path) {
  const fd = openFiles.get(path);
  if (fd === undefined) return;
  openFiles.delete(path);
  try {
    fs.closeSync(fd);
  } catch {}
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
  // Z (zombie) or X (dead): exited, only waiting to be reaped; it no longer runs or holds memory.
  const gone = fields[0] === 'Z' || fields[0] === 'X';
  return { gone, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

function parseStatus(text) {
  const rss = /VmRSS:\s+(\d+) kB/.exec(text);
  const threads = /Threads:\s+(\d+)/.exec(text);
  return { rssBytes: rss ? Number(rss[1]) * 1024 : 0, threads: threads ? Number(threads[1]) : 0 };
}

const hz = method === 'procfs' ? clockTicksPerSecond() : 0;
const msPerTick = hz > 0 ? 1000 / hz : 0;

// The sampler's own thread: subtracted from the own process's CPU and thread count.
function readSelfCpuMs() {
  if (!ownProcess || method !== 'procfs') return 0;
  const text = readText('/proc/thread-self/stat');
  return text === null ? 0 : parseStat(text).ticks * msPerTick;
}

// The process tree under pid, from the ppid of every /proc/<n>/stat. Returns the stat text per member.
function walkTree() {
  const statText = new Map();
  const childrenOf = new Map();
  const alive = new Set();
  for (const name of fs.readdirSync('/proc')) {
    const code = name.charCodeAt(0);
    if (code < 48 || code > 57) continue;
    alive.add(name);
    const text = readText('/proc/' + name + '/stat');
    if (text === null) continue;
    const id = Number(name);
    statText.set(id, text);
    const { ppid } = parseStat(text);
    const list = childrenOf.get(ppid);
    if (list) list.push(id);
    else childrenOf.set(ppid, [id]);
  }
  // Close the files of processes that are gone.
  for (const path of openFiles.keys()) {
    const id = path.split('/')[2];
    if (/^\d+$/.test(id) && !alive.has(id)) closeFile(path);
  }
  if (!statText.has(pid)) return null;
  const members = new Map();
  const queue = [pid];
  while (queue.length > 0) {
    const id = queue.pop();
    members.set(id, statText.get(id));
    for (const child of childrenOf.get(id) || []) queue.push(child);
  }
  return members;
}

// A reading: wall time, CPU time per pid (ms, cumulative), total RSS and threads. null = the process is gone.
function readProcfs() {
  const atMs = Number(process.hrtime.bigint()) / 1e6;
  const members = includeChildren ? walkTree() : new Map([[pid, undefined]]);
  if (members === null) return null;
  const cpuMsByPid = new Map();
  let rssBytes = 0;
  let threads = 0;
  let rootGone = false;
  for (const [id, walkedStat] of members) {
    const stat = walkedStat ?? readText('/proc/' + id + '/stat');
    const status = readText('/proc/' + id + '/status');
    const parsed = stat === null ? null : parseStat(stat);
    if (parsed === null || status === null) {
      if (id === pid) return null;
      continue;
    }
    // A zombie's CPU times are final: count them; it has no memory or threads left.
    cpuMsByPid.set(id, parsed.ticks * msPerTick);
    if (parsed.gone) {
      if (id === pid) rootGone = true;
      continue;
    }
    const s = parseStatus(status);
    rssBytes += s.rssBytes;
    threads += s.threads;
  }
  if (ownProcess) threads -= 1;
  // A zombie root still yields this last CPU reading; its memory is gone, so keep the previous figures.
  if (rootGone && previous !== null) {
    rssBytes = previous.rssBytes;
    threads = previous.threads;
  }
  return { atMs, cpuMsByPid, rssBytes, threads, selfCpuMs: readSelfCpuMs(), rootGone };
}

function readOwnPortable() {
  const atMs = Number(process.hrtime.bigint()) / 1e6;
  const usage = process.cpuUsage();
  const cpuMsByPid = new Map([[pid, (usage.user + usage.system) / 1000]]);
  // Portable readings have no thread count: 0 means "not measured".
  return { atMs, cpuMsByPid, rssBytes: process.memoryUsage.rss(), threads: 0, selfCpuMs: 0 };
}

let pidusage = null;
async function readOtherPortable() {
  const atMs = Number(process.hrtime.bigint()) / 1e6;
  if (pidusage === null) pidusage = require(pidusagePath);
  try {
    const stat = await pidusage(pid);
    return { atMs, cpuMsByPid: new Map([[pid, stat.ctime]]), rssBytes: stat.memory, threads: 0, selfCpuMs: 0 };
  } catch {
    return null;
  }
}

// pidusage is the only asynchronous reader; the others let the loop block in Atomics.wait.
const asyncReader = method === 'portable' && !ownProcess;
const read = method === 'procfs' ? readProcfs : ownProcess ? readOwnPortable : readOtherPortable;

function waitForStopOr(timeoutMs) {
  if (!asyncReader) {
    Atomics.wait(control, 0, 0, timeoutMs);
    return undefined;
  }
  const result = Atomics.waitAsync(control, 0, 0, timeoutMs);
  return result.async ? result.value : undefined;
}

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

async function run() {
  previous = await read();
  if (previous === null || previous.rootGone) {
    parentPort.postMessage({ type: 'error', kind: 'not-found', message: 'process ' + pid + ' not found' });
    return;
  }
  parentPort.postMessage({ type: 'ready' });
  const startMs = previous.atMs;
  let slot = 0;
  while (!stopRequested()) {
    const nowMs = Number(process.hrtime.bigint()) / 1e6;
    // A fixed grid; if this thread fell behind (starved CPU), skip missed slots instead of bursting.
    slot = Math.max(slot + 1, Math.ceil((nowMs - startMs) / intervalMs));
    await waitForStopOr(Math.max(0, startMs + slot * intervalMs - nowMs));
    if (stopRequested()) break;
    const current = await read();
    if (current === null || current.rootGone) {
      if (current !== null) record(current);
      totals.exited = true;
      break;
    }
    record(current);
  }
  if (!totals.exited) {
    // The final sample at stop: covers the tail since the last reading, or the whole of a short span.
    const current = await read();
    if (current === null) totals.exited = true;
    else if (current.rootGone) {
      record(current);
      totals.exited = true;
    } else if (totals.samples === 0 || current.atMs - previous.atMs >= intervalMs * minTailFraction) record(current);
  }
  for (const path of [...openFiles.keys()]) closeFile(path);
  parentPort.postMessage({ type: 'report', totals });
}

run().catch((error) => {
  parentPort.postMessage({ type: 'error', kind: 'failed', message: String((error && error.stack) || error) });
});
`;
