import { linkSignals, raceSignal } from './_signals';
import type { ToolPolicy } from './policy';
import { DEFAULT_TOOL_TIMEOUT_MS, type ToolDefinition } from './tool';
import type { ToolValidators } from './tool-validators';

/** Why a tool call gave the model an error instead of a result. */
export type ToolErrorCode =
  | 'TOOL_UNKNOWN'
  | 'TOOL_INVALID_ARGUMENTS'
  | 'TOOL_DENIED'
  | 'TOOL_TIMEOUT'
  | 'TOOL_FAILED';

/** A tool call's error, as recorded and as told to the model. */
export interface ToolCallError {
  code: ToolErrorCode;
  /** One line, e.g. `invalid arguments: arguments must have required property 'path'`. */
  message: string;
}

/** One tool call of a run: a `result`, or an `error` that was fed back to the model. */
export interface ToolCallRecord {
  tool: string;
  arguments: unknown;
  result?: unknown;
  error?: ToolCallError;
  /** Validation, policy check and execution. */
  durationMs: number;
}

/** What {@link runToolCall} needs from the agent. */
export interface RunToolCallContext {
  tools: ReadonlyMap<string, ToolDefinition>;
  validators: ToolValidators;
  policy: ToolPolicy;
  sessionId: string;
  /** The run's signal: aborting it makes the call reject at once with the signal's reason. */
  signal: AbortSignal;
  /** Gets the tool's own execution promise, which can outlive an aborted call (a graceful shutdown awaits it). */
  onExecute?: (work: Promise<unknown>) => void;
}

class ToolTimeout extends Error {
  override readonly name = 'TimeoutError';
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

async function execute(tool: ToolDefinition, args: unknown, context: RunToolCallContext): Promise<unknown> {
  const timeoutMs = tool.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new ToolTimeout(`timed out after ${timeoutMs} ms`)),
    timeoutMs,
  );
  const linked = linkSignals([context.signal, timeout.signal]);
  try {
    const work = Promise.resolve().then(() =>
      tool.execute(args, { signal: linked.signal, sessionId: context.sessionId }),
    );
    context.onExecute?.(work);
    return await raceSignal(work, linked.signal);
  } catch (error) {
    // However the tool reacted to the timeout, report it as a timeout.
    if (timeout.signal.aborted && !context.signal.aborted) throw timeout.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    linked.dispose();
  }
}

/**
 * Runs one tool call the model asked for: finds the tool, validates the arguments against its schema, asks the
 * policy, then executes it with the run's signal and the tool's timeout. Every failure of the call itself
 * becomes a recorded {@link ToolCallError} for the model; only an aborted run rejects.
 */
export async function runToolCall(
  call: { tool: string; arguments: unknown },
  context: RunToolCallContext,
): Promise<ToolCallRecord> {
  const started = performance.now();
  const record = (outcome: { result: unknown } | { error: ToolCallError }): ToolCallRecord => ({
    tool: call.tool,
    arguments: call.arguments,
    ...outcome,
    durationMs: performance.now() - started,
  });
  const tool = context.tools.get(call.tool);
  if (!tool) {
    const names = [...context.tools.keys()].join(', ');
    return record({
      error: {
        code: 'TOOL_UNKNOWN',
        message: `no tool named ${JSON.stringify(call.tool)}; the tools are ${names}`,
      },
    });
  }
  const problem = await raceSignal(context.validators.validate(tool, call.arguments), context.signal);
  if (problem !== undefined) {
    return record({ error: { code: 'TOOL_INVALID_ARGUMENTS', message: `invalid arguments: ${problem}` } });
  }
  const decision = await raceSignal(
    context.policy.check(
      { tool: tool.name, args: call.arguments },
      { sessionId: context.sessionId, signal: context.signal },
    ),
    context.signal,
  );
  if (!decision.allow) {
    const why = decision.reason ? `: ${decision.reason}` : '';
    return record({ error: { code: 'TOOL_DENIED', message: `denied by policy${why}` } });
  }
  try {
    return record({ result: await execute(tool, call.arguments, context) });
  } catch (error) {
    if (context.signal.aborted) throw error;
    if (error instanceof ToolTimeout)
      return record({ error: { code: 'TOOL_TIMEOUT', message: error.message } });
    return record({ error: { code: 'TOOL_FAILED', message: `failed: ${messageOf(error)}` } });
  }
}
