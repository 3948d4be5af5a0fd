import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type MainThreadProbe, startMainThreadProbe } from './_main-thread-probe';
import { WORKER_SOURCE } from './_worker-source';
import { DEFAULT_INTERVAL_MS, MIN_INTERVAL_MS, MIN_TAIL_FRACTION } from './constants';
import { MonitorOptionsError, MonitorProcessNotFoundError, MonitorWorkerError } from './errors';
import { buildResourceReport, type ResourceReport, type SamplerTotals, type SamplingMethod } from './report';

/** Options of {@link startMonitor}. */
export interface MonitorOptions {
  /** Time between samples, ms (at least 10). @default 50 */
  intervalMs?: number;
  /** Process to sample. @default process.pid */
  pid?: number;
  /** Sum CPU, RSS and threads over the process and all its descendants, re-walked each sample. Needs /proc. @default false */
  includeChildren?: boolean;
  /** `auto` picks `procfs` where /proc/<pid> exists (Linux), else `portable`. Forcing `portable` is for tests. @default 'auto' */
  method?: 'auto' | SamplingMethod;
}

/** A running monitor. */
export interface MonitorHandle {
  /** The sampled process. */
  readonly pid: number;
  /** How samples are read. */
  readonly method: SamplingMethod;
  /**
   * Resolves once the sampler has its baseline reading. Await it before the measured span: CPU used
   * between `startMonitor` and readiness (worker start-up, ~10-50 ms) is not attributed to the span.
   */
  ready(): Promise<void>;
  /**
   * Stops sampling and returns the report. Takes one last sample covering the time since the previous one,
   * so a span shorter than one interval still gets a reading (a tail under a quarter interval is dropped
   * when full samples exist). Idempotent: later calls return the same report.
   */
  stop(): Promise<ResourceReport>;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'error'; kind: 'not-found' | 'failed'; message: string }
  | { type: 'report'; totals: SamplerTotals };

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function resolveMethod(requested: MonitorOptions['method'], pid: number): SamplingMethod {
  const hasProcfs = process.platform === 'linux' && existsSync(`/proc/${pid}/stat`);
  if (requested === 'procfs' && !hasProcfs) {
    throw new MonitorOptionsError(`method 'procfs' needs /proc/${pid}/stat (Linux): use method 'auto'.`);
  }
  if (requested === 'procfs' || requested === 'portable') return requested;
  return hasProcfs ? 'procfs' : 'portable';
}

/**
 * Starts sampling CPU, RSS and threads of a process from a worker thread, so samples keep coming while the
 * measured code blocks the main thread. For the own process it also tracks heap-used peak and event-loop
 * delay on the main thread. Synchronous and cheap: the worker boots in the background (see `ready()`).
 *
 * @throws MonitorOptionsError on an interval under 10 ms, a bad pid, or an unsupported method/option mix.
 * @throws MonitorProcessNotFoundError when the pid does not exist.
 */
export function startMonitor(options: MonitorOptions = {}): MonitorHandle {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const pid = options.pid ?? process.pid;
  const includeChildren = options.includeChildren ?? false;
  if (!Number.isFinite(intervalMs) || intervalMs < MIN_INTERVAL_MS) {
    throw new MonitorOptionsError(`intervalMs must be a number >= ${MIN_INTERVAL_MS}, got ${intervalMs}.`);
  }
  if (!Number.isInteger(pid) || pid <= 0) {
    throw new MonitorOptionsError(`pid must be a positive integer, got ${pid}.`);
  }
  if (!processExists(pid)) throw new MonitorProcessNotFoundError(pid);
  const method = resolveMethod(options.method ?? 'auto', pid);
  if (includeChildren && method !== 'procfs') {
    throw new MonitorOptionsError(
      'includeChildren walks /proc and needs the procfs method (Linux): drop includeChildren here.',
    );
  }
  const ownProcess = pid === process.pid;
  const pidusagePath =
    method === 'portable' && !ownProcess ? createRequire(import.meta.url).resolve('pidusage') : null;

  // control[0] = 1 asks the worker to take its final sample; Atomics.notify wakes it mid-wait.
  const control = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // Not the host's flags: `--input-type=module` would make the inline CommonJS source ESM, and a host's
    // loaders or preloads have no business in the sampler.
    execArgv: [],
    workerData: {
      pid,
      intervalMs,
      includeChildren,
      method,
      ownProcess,
      pidusagePath,
      minTailFraction: MIN_TAIL_FRACTION,
      maxCpuPercent: availableParallelism() * 100,
      control,
    },
    stdout: true,
    stderr: true,
  });
  const probe: MainThreadProbe | null = ownProcess ? startMainThreadProbe(intervalMs) : null;

  let settleReady!: (error?: Error) => void;
  let settleReport!: (result: SamplerTotals | Error) => void;
  const readyPromise = new Promise<void>((resolve, reject) => {
    settleReady = (error) => (error ? reject(error) : resolve());
  });
  const totalsPromise = new Promise<SamplerTotals>((resolve, reject) => {
    settleReport = (result) => (result instanceof Error ? reject(result) : resolve(result));
  });
  // Callers may never await ready(): keep its rejection from surfacing as unhandled.
  readyPromise.catch(() => {});
  totalsPromise.catch(() => {});

  // The worker posts its report at stop, or earlier when the monitored process exits; then it ends.
  let reported = false;
  const fail = (error: Error): void => {
    if (reported) return;
    reported = true;
    settleReady(error);
    settleReport(error);
    probe?.cancel();
    void worker.terminate();
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'ready') {
      settleReady();
    } else if (message.type === 'report') {
      reported = true;
      settleReport(message.totals);
    } else if (message.kind === 'not-found') {
      fail(new MonitorProcessNotFoundError(pid));
    } else {
      fail(new MonitorWorkerError(`The sampler worker failed: ${message.message}`));
    }
  });
  worker.on('error', (error) =>
    fail(new MonitorWorkerError(`The sampler worker crashed: ${error.message}`, { cause: error })),
  );
  worker.on('exit', (code) =>
    fail(new MonitorWorkerError(`The sampler worker exited early (code ${code}).`)),
  );

  // Never keep the process alive just to sample it: unref once the baseline is in (a caller awaiting
  // ready() needs the worker ref'd, or an otherwise idle process would exit); stop() re-refs while it
  // waits for the report.
  readyPromise.then(
    () => worker.unref(),
    () => {},
  );

  let report: Promise<ResourceReport> | null = null;
  const stop = async (): Promise<ResourceReport> => {
    worker.ref();
    Atomics.store(control, 0, 1);
    Atomics.notify(control, 0);
    try {
      const totals = await totalsPromise;
      return buildResourceReport(totals, intervalMs, method, probe ? await probe.stop() : null);
    } finally {
      await worker.terminate();
    }
  };

  return {
    pid,
    method,
    ready: () => readyPromise,
    stop: () => {
      report ??= stop();
      return report;
    },
  };
}
