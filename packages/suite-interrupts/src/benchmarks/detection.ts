import type { BenchmarkContext, BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedInterruptsSuiteOptions } from '../options';
import type { InterruptSourceKind } from '../subject';
import {
  abortInLongStep,
  acquire,
  checkOutcome,
  type Held,
  msBetween,
  release,
  runToLongStep,
  summarizeMs,
} from './_lifecycle';
import { RAW_ABORT_DESCRIPTION, rawAbortInFlight } from './_raw-floor';
import { type SignalChild, signalChildProblem, startSignalChild } from './_signal-child';

/** Budget of a `budget` run, in task units (one per page fetched); the benchmark charges past it. */
const BUDGET_LIMIT = 1000;
const IN_PROCESS: readonly InterruptSourceKind[] = ['abort', 'timeout', 'budget'];

/** Detection: from an interrupt source firing to the run loop observing it, the sources taking turns (DESIGN §8). */
export function createDetectionBenchmark(options: ResolvedInterruptsSuiteOptions): BenchmarkDefinition {
  let held: Held | undefined;
  let child: SignalChild | undefined;
  let kinds: InterruptSourceKind[] = [];
  let timeoutMs = 0;
  let turn = 0;
  let floorTurn = 0;
  let signals = 0;
  let floorSignals = 0;
  const samples = new Map<InterruptSourceKind, number[]>();
  const floors = new Map<InterruptSourceKind, number[]>();
  const bySignal = new Map<string, number[]>();
  const timeoutFacts = { inLongStep: 0, earlier: 0, timerLateMs: [] as number[] };
  const record = (into: Map<string, number[]>, key: string, ms: number) => {
    into.set(key, [...(into.get(key) ?? []), ms]);
  };
  const nextSignal = (n: number) => (n % 2 === 0 ? 'SIGINT' : 'SIGTERM') as 'SIGINT' | 'SIGTERM';

  const detect = async (ctx: BenchmarkContext, kind: InterruptSourceKind): Promise<number> => {
    const h = held!;
    const quiet = { checkpoint: false, shutdown: false };
    switch (kind) {
      case 'signal': {
        const signal = nextSignal(signals++);
        const sample = await child!.sample('agent', signal, h.hold);
        const ms = msBetween(sample.firedAt, sample.detectedAt);
        if (ms < 0)
          throw new Error(
            'the child observed the signal before the parent sent it: the clocks are not comparable here',
          );
        if (ctx.phase === 'measure') record(bySignal, signal, ms);
        return ms;
      }
      case 'abort': {
        const { firedAt, outcome } = await abortInLongStep(h, quiet);
        return msBetween(firedAt, checkOutcome(outcome, 'abort', 'detectedAt'));
      }
      case 'budget': {
        const run = await runToLongStep(h, { ...quiet, budgetLimit: BUDGET_LIMIT });
        const firedAt = process.hrtime.bigint();
        run.watch.charge(BUDGET_LIMIT);
        return msBetween(firedAt, checkOutcome(await run.pending, 'budget', 'detectedAt'));
      }
      case 'timeout': {
        h.beginRun();
        let arrivedAt: bigint | undefined;
        void h.hold.nextRequest().then((request) => {
          arrivedAt = request.arrivedAt;
        });
        const controller = new AbortController();
        const outcome = await h.subject.run({ ...quiet, signal: controller.signal, timeoutMs });
        const detectedAt = checkOutcome(outcome, 'timeout', 'detectedAt');
        if (typeof outcome.firedAt !== 'bigint')
          throw new Error('subject.run must report firedAt (its timer callback) for a timeout');
        if (ctx.phase === 'measure') {
          if (arrivedAt !== undefined && arrivedAt < outcome.firedAt) timeoutFacts.inLongStep++;
          else timeoutFacts.earlier++;
          const late = outcome.facts?.['timer_late_ms'];
          if (typeof late === 'number') timeoutFacts.timerLateMs.push(late);
        }
        return msBetween(outcome.firedAt, detectedAt);
      }
    }
  };

  const floor = async (kind: InterruptSourceKind): Promise<number> => {
    if (kind === 'signal') {
      const sample = await child!.sample('floor', nextSignal(floorSignals++), held!.hold);
      return msBetween(sample.firedAt, sample.detectedAt);
    }
    const raw = await rawAbortInFlight(held!.hold);
    return msBetween(raw.firedAt, raw.detectedAt);
  };

  /** Which sources run, the signal child started once, and a timeout that fires in the long step. */
  const prepareSources = async (ctx: BenchmarkContext) => {
    const h = held!;
    turn = 0;
    floorTurn = 0;
    signals = 0;
    floorSignals = 0;
    for (const map of [samples, floors, bySignal]) map.clear();
    Object.assign(timeoutFacts, { inLongStep: 0, earlier: 0, timerLateMs: [] });
    const supported = h.subject.sources ?? IN_PROCESS;
    if (!supported.includes('abort'))
      throw new Error(`subject ${h.subject.name} must support the abort source`);
    const why = h.subject.unsupported ?? {};
    if (why.abort !== undefined) throw new Error(`subject ${h.subject.name} must support the abort source`);
    kinds = IN_PROCESS.filter((kind) => supported.includes(kind) && why[kind] === undefined);
    const leftOut: Record<string, string> = {};
    for (const kind of IN_PROCESS)
      if (!kinds.includes(kind)) leftOut[kind] = why[kind] ?? 'the subject does not support it';
    const problem = why.signal ?? signalChildProblem(h.subject.signalChild);
    if (problem) leftOut['signal'] = problem;
    else {
      child = await startSignalChild(h.subject.signalChild!, h.spec, ctx.signal);
      kinds.unshift('signal');
      ctx.metadata['signal_child'] = { pid: child.pid, listeners_before_runs: child.baseline };
    }
    ctx.metadata['sources'] = kinds;
    if (Object.keys(leftOut).length > 0) ctx.metadata['sources_left_out'] = leftOut;
    if (!kinds.includes('timeout')) return;
    // The timeout must fire in the long step: time runs to it (untimed; the first one warms up), then allow
    // a quarter more (a timeout that still fires earlier, in a model call, is counted apart in metadata).
    let slowest = 0;
    for (let i = 0; i < 4; i++) {
      const started = process.hrtime.bigint();
      const run = await runToLongStep(h, { checkpoint: false, shutdown: false });
      if (i > 0) slowest = Math.max(slowest, msBetween(started, run.request.arrivedAt));
      run.controller.abort();
      await run.pending;
    }
    timeoutMs = Math.ceil(slowest * 1.25 + 20);
    ctx.metadata['timeout_ms'] = timeoutMs;
  };

  return {
    id: 'interrupt_detection',
    name: 'Detection',
    // Mostly waiting (signal delivery, timers and a loopback request): --measure instructions counts its CPU part only.
    costKind: 'waiting',
    description:
      'One interrupt per sample, the sources taking turns (signal, abort, timeout, budget), each fired while the ' +
      `run is in its long step (a request to a loopback server that never answers, after ${options.fastSteps} quick ` +
      "tool steps); the span runs from the source firing to the subject's run loop having observed it (the step " +
      'stopped, control handed back). signal: a child process runs the agent; the parent stamps ' +
      'process.hrtime.bigint() just before kill(SIGINT|SIGTERM), the child when its loop observed the signal (both ' +
      'read CLOCK_MONOTONIC on Linux, so the two stamps are comparable). abort / budget: stamped just before ' +
      "AbortController.abort() / the charge that exceeds the budget; timeout: from the subject's timer callback. " +
      'p50 over all sources; per-source p50/p95 in metadata.',
    target: { excellentMs: 0.5, targetMs: 1 },
    iterations: 40,
    warmup: 4,
    allowBatching: false,
    async setup(ctx) {
      held = await acquire(ctx, options);
      try {
        await prepareSources(ctx);
      } catch (error) {
        await child?.stop();
        child = undefined;
        await release(ctx, held);
        held = undefined;
        throw error;
      }
    },
    async fn(ctx) {
      const kind = kinds[turn++ % kinds.length] as InterruptSourceKind;
      const ms = await detect(ctx, kind);
      if (ctx.phase === 'measure') record(samples, kind, ms);
      ctx.reportDurationMs(ms);
    },
    baseline: {
      name: 'raw abort / bare signal handler',
      description:
        `Per source in the same turns: in-process sources, ${RAW_ABORT_DESCRIPTION}; signal, the same child ` +
        'process making the same request with a bare once-handler per signal that aborts it, observed when the ' +
        'request rejects. No agent.',
      async fn(ctx) {
        const kind = kinds[floorTurn++ % kinds.length] as InterruptSourceKind;
        const ms = await floor(kind);
        if (ctx.phase === 'measure') record(floors, kind, ms);
        ctx.reportDurationMs(ms);
      },
    },
    async teardown(ctx) {
      try {
        // In the sources' order, whichever ran first.
        const ordered = (map: Map<string, number[]>) =>
          new Map(
            [...map].sort(
              ([a], [b]) => kinds.indexOf(a as InterruptSourceKind) - kinds.indexOf(b as InterruptSourceKind),
            ),
          );
        const summary = (map: Map<string, number[]>) =>
          Object.fromEntries([...ordered(map)].map(([key, values]) => [key, summarizeMs(values)]));
        if (samples.size > 0) {
          ctx.metadata['detection_ms_by_source'] = summary(samples);
          ctx.metadata['floor_ms_by_source'] = summary(floors);
          if (bySignal.size > 0) {
            ctx.metadata['signal_ms_by_signal'] = Object.fromEntries(
              [...bySignal]
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([key, values]) => [key, summarizeMs(values)]),
            );
          }
          if (kinds.includes('timeout')) {
            ctx.metadata['timeout_fired_in_long_step'] = timeoutFacts.inLongStep;
            ctx.metadata['timeout_fired_earlier_in_run'] = timeoutFacts.earlier;
            const late = summarizeMs(timeoutFacts.timerLateMs);
            if (late) ctx.metadata['timeout_timer_late_ms'] = late;
          }
          ctx.metadata['clock'] =
            'process.hrtime.bigint() (CLOCK_MONOTONIC on Linux: parent and child stamps are comparable)';
          options.onNotice(
            noticeLine(
              ordered(samples),
              floors,
              ctx.metadata['sources_left_out'] as Record<string, string> | undefined,
            ),
          );
        }
      } finally {
        try {
          await child?.stop();
        } finally {
          child = undefined;
          await release(ctx, held);
          held = undefined;
        }
      }
    },
  };
}

/** `Detection by source, p50 ms (floor): signal 0.210 (0.150), abort 0.020 (0.010), ...`. */
function noticeLine(
  samples: Map<string, number[]>,
  floors: Map<string, number[]>,
  leftOut: Record<string, string> | undefined,
): string {
  const parts = [...samples].map(([kind, values]) => {
    const own = summarizeMs(values);
    const raw = summarizeMs(floors.get(kind) ?? []);
    return `${kind} ${own?.p50.toFixed(3)}${raw ? ` (${raw.p50.toFixed(3)})` : ''} n=${own?.n}`;
  });
  const missing = Object.entries(leftOut ?? {}).map(([kind, why]) => `${kind} left out: ${why}`);
  return `Detection by source, p50 ms (floor): ${parts.join(', ')}${missing.length > 0 ? `; ${missing.join('; ')}` : ''}`;
}
