/** What a tool's `execute` receives besides its arguments. */
export interface ToolContext {
  /** Aborted when the run is aborted or the tool's `timeoutMs` passes: stop work and settle soon. */
  signal: AbortSignal;
  /** Session of the run that called the tool. */
  sessionId: string;
}

/** Default time a tool may run before it is aborted and the model is told it timed out. */
export const DEFAULT_TOOL_TIMEOUT_MS = 30_000;

/** A tool the model can call. */
export interface ToolDefinition<Args = unknown> {
  /** Unique name the model calls it by: letters, digits, `_` and `-`, at most 64 (snake_case by convention). */
  name: string;
  /** What the tool does, for the model. */
  description: string;
  /** JSON Schema of the arguments object (`type: 'object'`); arguments are validated against it before `execute`. */
  parameters: Record<string, unknown>;
  /** Runs the tool; the returned value is sent to the model as JSON. */
  execute(args: Args, context: ToolContext): Promise<unknown> | unknown;
  /** Milliseconds before the tool is aborted and reported to the model as timed out. @default 30000 */
  timeoutMs?: number;
}

/** Returns `tool` unchanged: lets TypeScript type `execute`'s arguments from the `Args` you give. */
export function defineTool<Args = unknown>(tool: ToolDefinition<Args>): ToolDefinition<Args> {
  return tool;
}
