import { InterruptOptionsError } from './errors';
import type { InterruptReason } from './reason';

/** Time each shutdown hook gets by default before it is reported `timed_out` and left behind, ms. */
export const DEFAULT_HOOK_TIMEOUT_MS = 2000;
/** Time a graceful shutdown waits by default for aborted in-flight tools to settle, ms. */
export const DEFAULT_TOOL_GRACE_MS = 1000;

/** What a shutdown hook receives. */
export interface ShutdownHookContext {
  /** Aborted when the hook's time is up: stop and settle. */
  signal: AbortSignal;
  /** The interrupt that led to the shutdown; undefined for a plain `agent.shutdown()`. */
  reason: InterruptReason | undefined;
}

/** Work to do when the agent shuts down: flush a log, close a server, release a lock. */
export type ShutdownHook = (context: ShutdownHookContext) => unknown;

/** Options of `agent.onShutdown`. */
export interface ShutdownHookOptions {
  /** Time this hook gets, ms. @default the shutdown's `hookTimeoutMs` (2000) */
  timeoutMs?: number;
}

/** How one hook went: `timed_out` hooks were not waited for beyond their time. */
export interface ShutdownHookOutcome {
  name: string;
  status: 'ok' | 'failed' | 'timed_out';
  durationMs: number;
  /** First line of the error of a `failed` hook, or `timed out after N ms`. */
  error?: string;
}

/** Options of a graceful shutdown. */
export interface ShutdownOptions {
  /** Time each hook gets unless it set its own, ms. @default 2000 */
  hookTimeoutMs?: number;
  /** Time to wait for aborted in-flight tools to settle, ms. @default 1000 */
  toolGraceMs?: number;
}

/** What a graceful shutdown did, in order: tools, hooks (newest first), resources. */
export interface ShutdownReport {
  /** Tool executions of interrupted runs still in flight when the shutdown began, and how many settled. */
  tools: { inFlight: number; settled: number; waitedMs: number };
  /** One outcome per hook, in the order they ran (reverse registration). */
  hooks: ShutdownHookOutcome[];
  /** First line of the error `close()` threw while releasing the provider and memory, if any. */
  closeError?: string;
  /** The whole shutdown. */
  durationMs: number;
}

/** What the shutdown needs from the agent. */
export interface ShutdownActions {
  /** Stops runs still in progress (their tools are aborted). */
  stopRuns(): Promise<void>;
  /** Releases what the agent opened (provider, memory) and marks it closed. */
  close(): Promise<void>;
}

function checkMs(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InterruptOptionsError(
      field,
      `must be a positive number of ms, got ${String(value)}`,
      'pass e.g. 1000, or leave it out',
    );
  }
  return value;
}

/** Throws unless the shutdown options are valid; lets a run refuse bad options before it starts. */
export function checkShutdownOptions(options: ShutdownOptions): void {
  checkMs('hookTimeoutMs', options.hookTimeoutMs);
  checkMs('toolGraceMs', options.toolGraceMs);
}

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Settles with `work`, or resolves `'timed_out'` after `ms` (the timer never holds the process open). */
function within<T>(work: Promise<T>, ms: number): Promise<T | 'timed_out'> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'timed_out'>((resolve) => {
    timer = setTimeout(() => resolve('timed_out'), ms);
    timer.unref();
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/**
 * An agent's graceful shutdown: the tool executions of interrupted runs it waits for, the hooks it runs in
 * reverse order of registration (each with its own timeout: a hung hook is reported, never waited on
 * forever), then the release of the agent's resources. Runs once; later calls get the same report.
 */
export class AgentShutdown {
  private readonly hooks: Array<{ name: string; hook: ShutdownHook; timeoutMs: number | undefined }> = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private running: Promise<ShutdownReport> | undefined;

  /** Whether the shutdown has started. */
  get started(): boolean {
    return this.running !== undefined;
  }

  /** Registers `hook`; returns a function that unregisters it. */
  add(name: string, hook: ShutdownHook, options: ShutdownHookOptions = {}): () => void {
    if (typeof name !== 'string' || name.length === 0) {
      throw new InterruptOptionsError(
        'onShutdown(name)',
        'must be a non-empty string',
        "name the hook, e.g. 'close-server'",
      );
    }
    if (typeof hook !== 'function') {
      throw new InterruptOptionsError(
        'onShutdown(hook)',
        'must be a function',
        'pass e.g. () => server.close()',
      );
    }
    const entry = { name, hook, timeoutMs: checkMs('timeoutMs', options.timeoutMs) };
    this.hooks.push(entry);
    return () => {
      const at = this.hooks.indexOf(entry);
      if (at >= 0) this.hooks.splice(at, 1);
    };
  }

  /** Follows a tool execution until it settles, so a shutdown can wait for it. */
  track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    const drop = () => this.inFlight.delete(work);
    work.then(drop, drop);
  }

  /**
   * Runs the shutdown once: stop runs, wait for tools (`interrupted.tools`: those in flight when the interrupt
   * fired, settled since or not), hooks newest first, then close.
   */
  run(
    actions: ShutdownActions,
    options: ShutdownOptions = {},
    interrupted: { reason?: InterruptReason; tools?: Array<Promise<unknown>> } = {},
  ): Promise<ShutdownReport> {
    const hookTimeoutMs = checkMs('hookTimeoutMs', options.hookTimeoutMs);
    const toolGraceMs = checkMs('toolGraceMs', options.toolGraceMs);
    this.running ??= this.shutdown(actions, hookTimeoutMs, toolGraceMs, interrupted);
    return this.running;
  }

  private async shutdown(
    actions: ShutdownActions,
    hookTimeoutMs = DEFAULT_HOOK_TIMEOUT_MS,
    toolGraceMs = DEFAULT_TOOL_GRACE_MS,
    { reason, tools: interruptedTools = [] }: { reason?: InterruptReason; tools?: Array<Promise<unknown>> },
  ): Promise<ShutdownReport> {
    const started = performance.now();
    const pending = [...new Set([...interruptedTools, ...this.inFlight])];
    await actions.stopRuns();
    // Tools of runs the shutdown just stopped.
    for (const work of this.inFlight) if (!pending.includes(work)) pending.push(work);
    let settled = 0;
    const count = () => {
      settled++;
    };
    for (const work of pending) work.then(count, count);
    if (pending.length > 0) await within(Promise.allSettled(pending), toolGraceMs);
    const tools = { inFlight: pending.length, settled, waitedMs: performance.now() - started };
    const hooks: ShutdownHookOutcome[] = [];
    for (const { name, hook, timeoutMs = hookTimeoutMs } of [...this.hooks].reverse()) {
      const t0 = performance.now();
      const controller = new AbortController();
      try {
        const outcome = await within(
          Promise.resolve().then(() => hook({ signal: controller.signal, reason })),
          timeoutMs,
        );
        if (outcome === 'timed_out') {
          controller.abort(new Error(`shutdown hook ${name} timed out after ${timeoutMs} ms`));
          hooks.push({
            name,
            status: 'timed_out',
            durationMs: performance.now() - t0,
            error: `timed out after ${timeoutMs} ms`,
          });
        } else {
          hooks.push({ name, status: 'ok', durationMs: performance.now() - t0 });
        }
      } catch (error) {
        hooks.push({ name, status: 'failed', durationMs: performance.now() - t0, error: firstLine(error) });
      }
    }
    let closeError: string | undefined;
    try {
      await actions.close();
    } catch (error) {
      closeError = firstLine(error);
    }
    return {
      tools,
      hooks,
      ...(closeError !== undefined ? { closeError } : {}),
      durationMs: performance.now() - started,
    };
  }
}
