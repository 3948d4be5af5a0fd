import { allowAllPolicy, type ToolPolicy } from '../agent/policy';
import { runToolCall } from '../agent/run-tool';
import type { ToolDefinition } from '../agent/tool';
import { ToolValidators } from '../agent/tool-validators';
import { checkTools } from '../agent/validate-tools';
import type { JsonValue } from '../checkpoint/state';
import type { A2aHandler } from './server';

/** The data part of a tool-task message: the tool (optional when the handler has one) and its arguments. */
export interface ToolTaskRequest {
  tool?: string;
  arguments: JsonValue;
}

/** The data part of a tool-task reply: the tool's JSON result, or why the call gave none. */
export type ToolTaskReply =
  | { tool: string; result: JsonValue }
  | { tool: string; error: { code: string; message: string } };

/** Options of {@link toolTaskHandler}. */
export interface ToolTaskHandlerOptions {
  /** Asked before each call. @default allowAllPolicy */
  policy?: ToolPolicy;
  /** Answers messages without a data part (e.g. plain chat). @default such messages fail, saying what to send */
  onText?: A2aHandler;
}

function isToolTaskRequest(
  data: JsonValue | undefined,
): data is JsonValue & { tool?: string; arguments: JsonValue } {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    'arguments' in data &&
    (data['tool'] === undefined || typeof data['tool'] === 'string')
  );
}

/**
 * A deterministic A2A handler, no LLM: a message whose data part is `{ tool?, arguments }` runs that tool the
 * way an agent's run does (arguments validated against its JSON Schema with ajv, policy asked, timeout,
 * server-close abort), and the reply's data part is `{ tool, result }` or `{ tool, error: { code, message } }`
 * (codes as in `ToolCallError`: `TOOL_UNKNOWN`, `TOOL_INVALID_ARGUMENTS`, ...).
 *
 * @throws AgentConfigError when a tool definition is invalid (as `createAgent` would)
 */
export function toolTaskHandler(tools: ToolDefinition[], options: ToolTaskHandlerOptions = {}): A2aHandler {
  const checked = checkTools(tools);
  if (checked.length === 0) throw new TypeError('toolTaskHandler: pass at least one tool');
  const byName = new Map(checked.map((tool) => [tool.name, tool]));
  const validators = new ToolValidators(checked);
  const policy = options.policy ?? allowAllPolicy;
  const only = checked.length === 1 ? (checked[0] as ToolDefinition).name : undefined;
  return async (request) => {
    if (request.data === undefined && options.onText) return options.onText(request);
    if (!isToolTaskRequest(request.data)) {
      throw new TypeError(
        'expected a data part { tool, arguments } naming one of the tools: ' + [...byName.keys()].join(', '),
      );
    }
    const tool = request.data.tool ?? only;
    if (tool === undefined) {
      throw new TypeError(
        `the data part names no tool; this agent has several: ${[...byName.keys()].join(', ')}`,
      );
    }
    const record = await runToolCall(
      { tool, arguments: request.data.arguments },
      { tools: byName, validators, policy, sessionId: request.contextId, signal: request.signal },
    );
    const data: ToolTaskReply = record.error
      ? { tool, error: { code: record.error.code, message: record.error.message } }
      : { tool, result: (record.result ?? null) as JsonValue };
    return { data: data as unknown as JsonValue };
  };
}
