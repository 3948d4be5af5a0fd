import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../errors';
import { readDumpTotals } from './_callgrind-dumps';
import {
  EMPTY_PHASES,
  MARKER_FUNCTION,
  PROBE_NODE_FLAGS,
  type ProbeSpec,
  type ProbeStatus,
} from './_protocol';

/** One repetition's outcome: instructions per measured call of `fn`, or why there is none. */
export type ProbeOutcome = (
  | { status: 'ok'; perIteration: number; iterationCounts: number[] }
  | { status: 'failed' | 'skipped'; reason: string; switchFailed?: boolean }
) & { durationMs: number };

/** callgrind's flags besides the output file: phase dumps at each marker, nothing but the Ir totals needed. */
export const CALLGRIND_FLAGS: readonly string[] = [
  '--tool=callgrind',
  `--dump-before=${MARKER_FUNCTION}`,
  '--dump-line=no',
  '--compress-strings=yes',
];

/** With it, startup, imports, setup and warmup run uninstrumented: the child switches it on before measuring. */
export const INSTR_LATER_FLAG = '--instr-atstart=no';

/** `callgrind_control` beside the given valgrind (or on PATH): it switches a running callgrind's instrumentation. */
export function callgrindControlOf(valgrind: string): string {
  return valgrind.includes('/') ? join(dirname(valgrind), 'callgrind_control') : 'callgrind_control';
}

/**
 * The built child script. From the bundles it is `instructions-child.js` beside them; from the sources
 * (tests, `@kaizen-bench/source`) the build must exist.
 */
export function probeScriptPath(): string {
  const candidates = ['./instructions-child.js', '../../dist/instructions-child.js'].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new HarnessError(
      'HARNESS_INVALID_OPTIONS',
      `instruction counting runs ${candidates[1]}, which does not exist: build the harness (pnpm --filter @kaizen-bench/harness build)`,
    );
  }
  return found;
}

export interface ProbeJob {
  spec: Omit<ProbeSpec, 'statusFile' | 'callgrindControl'>;
  valgrind: string;
  /** Start with instrumentation off and let the child switch it on after the warmup (~2x faster). */
  switchInstrumentation: boolean;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * Runs one repetition: a fresh `node` under callgrind running the child script, then reads its phase dumps.
 * Per measured call: its phase's total minus the empty phase's (the markers' own cost, identical code path).
 */
export async function runProbe(job: ProbeJob): Promise<ProbeOutcome> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'kaizen-bench-instr-'));
  const outFile = join(dir, 'callgrind.out');
  const statusFile = join(dir, 'status.json');
  const spec: ProbeSpec = {
    ...job.spec,
    statusFile,
    ...(job.switchInstrumentation ? { callgrindControl: callgrindControlOf(job.valgrind) } : {}),
  };
  try {
    const exit = await spawnProbe(job, outFile, spec);
    const durationMs = performance.now() - started;
    let status: ProbeStatus;
    try {
      status = JSON.parse(await readFile(statusFile, 'utf8')) as ProbeStatus;
    } catch {
      return { status: 'failed', reason: `the probe process ${exit}`, durationMs };
    }
    if (status.status !== 'ok') return { ...status, durationMs };
    const totals = await readDumpTotals(outFile);
    if (totals.length !== status.markers) {
      return {
        status: 'failed',
        reason: `callgrind wrote ${totals.length} phase dumps for ${status.markers} markers: something else called ${MARKER_FUNCTION}() during the benchmark`,
        durationMs,
      };
    }
    // Dumps, two per phase: [2j] what ran before phase j (startup, hooks), [2j+1] phase j itself. Phases: the
    // empty ones first, then one per measured call.
    const phaseTotal = (j: number) => totals[2 * j + 1] as number;
    const empty = Math.min(...Array.from({ length: EMPTY_PHASES }, (_, j) => phaseTotal(j)));
    const iterationCounts = Array.from(
      { length: status.iterations },
      (_, i) => phaseTotal(EMPTY_PHASES + i) - empty,
    );
    const perIteration = iterationCounts.reduce((a, b) => a + b, 0) / status.iterations;
    return { status: 'ok', perIteration, iterationCounts, durationMs };
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 2 });
  }
}

/** Starts valgrind and resolves with a description of how it ended (for an error message). */
function spawnProbe(job: ProbeJob, outFile: string, spec: ProbeSpec): Promise<string> {
  return new Promise((resolve) => {
    const args = [
      ...CALLGRIND_FLAGS,
      ...(job.switchInstrumentation ? [INSTR_LATER_FLAG] : []),
      `--callgrind-out-file=${outFile}`,
      process.execPath,
      ...PROBE_NODE_FLAGS,
      probeScriptPath(),
      JSON.stringify(spec),
    ];
    // Its own process group, so a time-out or an abort kills node and anything the benchmark started.
    const child = spawn(job.valgrind, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let tail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-4000);
    });
    let killedFor: string | undefined;
    const kill = (why: string) => {
      killedFor ??= why;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => kill(`timed out after ${job.timeoutMs} ms`), job.timeoutMs);
    const onAbort = () => kill('was aborted');
    job.signal?.addEventListener('abort', onAbort, { once: true });
    let spawnError: string | undefined;
    child.on('error', (error) => {
      spawnError = error.message;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      job.signal?.removeEventListener('abort', onAbort);
      // The error line of what the child printed (valgrind's own lines start with ==), else its last line.
      const lines = tail
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.startsWith('==') && !/^Node\.js v/.test(line));
      const last =
        [...lines].reverse().find((line) => /^\w*Error\b|^Error:/.test(line.trim())) ?? lines.pop();
      const how =
        killedFor ??
        (spawnError ? `could not start (${spawnError})` : `ended with ${signal ?? `exit code ${code}`}`);
      // A kill says it all; the child's last line would only be whatever it printed before.
      resolve(killedFor ? how : last ? `${how}: ${last.trim()}` : `${how} without a status`);
    });
  });
}
