import { isObject, show } from '../agent/_check';
import type { ToolDefinition } from '../agent/tool';
import { ToolValidators } from '../agent/tool-validators';
import { DANGER_LEVELS, type DangerLevel, isDangerLevel } from './danger';
import { ToolRegistryError } from './errors';

/** A tool as the registry holds it: an agent {@link ToolDefinition} plus what the permission policy needs. */
export interface RegisteredTool<Args = unknown> extends ToolDefinition<Args> {
  /** How much harm the tool can do; permission rules match on it. */
  danger: DangerLevel;
  /** Units charged per allowed call against a session's `totalCost` budget. @default 0 */
  cost?: number;
}

/** Returns `tool` unchanged: lets TypeScript type `execute`'s arguments from the `Args` you give. */
export function defineRegisteredTool<Args = unknown>(tool: RegisteredTool<Args>): RegisteredTool<Args> {
  return tool;
}

/** Names the model can call (what OpenAI and Ollama accept): the agent's rule. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

function reject(name: unknown, field: string, problem: string, fix: string): never {
  const which = typeof name === 'string' ? ` "${name}"` : '';
  throw new ToolRegistryError(field, `Tool${which} ${field} ${problem} — ${fix}`);
}

function checkTool(tool: unknown, taken: ReadonlyMap<string, unknown>): RegisteredTool {
  if (!isObject(tool)) reject(undefined, '', `must be an object, got ${show(tool)}`, 'pass { name, ... }');
  const { name } = tool;
  if (typeof name !== 'string' || !TOOL_NAME.test(name)) {
    reject(name, 'name', `must match ${TOOL_NAME.source}, got ${show(name)}`, 'use a name like "fs_read"');
  }
  if (taken.has(name)) reject(name, 'name', 'is registered already', 'give each tool a unique name');
  if (typeof tool.description !== 'string') {
    reject(name, 'description', `must be a string, got ${show(tool.description)}`, 'say what it does');
  }
  if (!isObject(tool.parameters) || tool.parameters.type !== 'object') {
    reject(name, 'parameters', 'must be a JSON Schema with type "object"', 'pass { type: "object", ... }');
  }
  if (typeof tool.execute !== 'function') {
    reject(name, 'execute', `must be a function, got ${show(tool.execute)}`, 'pass execute(args, ctx)');
  }
  if (!isDangerLevel(tool.danger)) {
    reject(
      name,
      'danger',
      `must be one of ${DANGER_LEVELS.join(', ')}, got ${show(tool.danger)}`,
      'pick one',
    );
  }
  const positive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;
  if (tool.timeoutMs !== undefined && !positive(tool.timeoutMs)) {
    reject(name, 'timeoutMs', `must be a finite number > 0, got ${show(tool.timeoutMs)}`, 'e.g. 5000');
  }
  if (tool.cost !== undefined && !(positive(tool.cost) || tool.cost === 0)) {
    reject(name, 'cost', `must be a finite number >= 0, got ${show(tool.cost)}`, 'e.g. 1, or leave it out');
  }
  return tool as unknown as RegisteredTool;
}

/**
 * The tools an agent may call, each with a danger level, a JSON Schema for its arguments and an `execute` with
 * a timeout. Argument validators are compiled with ajv on a tool's first validation, once (ajv itself loads
 * then). Tools cannot be replaced or removed once registered, so a policy may cache what it read of them.
 */
export class ToolRegistry {
  private readonly byName = new Map<string, RegisteredTool>();
  // Shared with the validators, which compile what is registered later too.
  private readonly ordered: RegisteredTool[] = [];
  /** The argument validators, compiled on first use (what the agent loop's `runToolCall` takes). */
  readonly validators = new ToolValidators(this.ordered as ToolDefinition[]);

  constructor(tools: readonly RegisteredTool[] = []) {
    for (const tool of tools) this.register(tool);
  }

  /**
   * Adds a tool.
   * @throws ToolRegistryError naming the bad field (name taken or invalid, no danger level, ...).
   */
  register<Args>(tool: RegisteredTool<Args>): this {
    const checked = checkTool(tool, this.byName);
    this.byName.set(checked.name, checked);
    this.ordered.push(checked);
    return this;
  }

  /** The tool called `name`, or undefined. */
  get(name: string): RegisteredTool | undefined {
    return this.byName.get(name);
  }

  /** Tools by name (what the agent loop's `runToolCall` takes). */
  get tools(): ReadonlyMap<string, RegisteredTool> {
    return this.byName;
  }

  /** Registered tools in registration order: pass them as `createAgent({ tools })`. */
  list(): RegisteredTool[] {
    return [...this.ordered];
  }

  get size(): number {
    return this.ordered.length;
  }

  /**
   * Checks `args` against the schema of tool `name`, compiling its validator on first use.
   * @returns undefined when valid, else what is wrong (e.g. `arguments must have required property 'path'`)
   * @throws ToolRegistryError when no tool has that name; AgentConfigError when its schema does not compile.
   */
  validate(name: string, args: unknown): Promise<string | undefined> {
    const tool = this.byName.get(name);
    if (!tool) return Promise.reject(new ToolRegistryError('name', `No tool "${name}" is registered`));
    return this.validators.validate(tool, args);
  }

  /** Compiles every validator not compiled yet (otherwise each compiles on its tool's first validation). */
  compile(): Promise<void> {
    return this.validators.compileAll();
  }
}
