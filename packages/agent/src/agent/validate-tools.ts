import { fail, isObject, show } from './_check';
import type { ToolDefinition } from './tool';

/** Tool names the model can call: what OpenAI and Ollama accept too. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Checks the `tools` of an agent config: each a `{ name, description, parameters, execute, timeoutMs? }` with a
 * unique, callable name and an object schema.
 * @throws AgentConfigError naming the bad field, e.g. `tools[1].name`.
 */
export function checkTools(value: unknown): ToolDefinition[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    fail(
      'tools',
      `must be an array, got ${show(value)}`,
      'pass tools: [{ name, description, parameters, execute }]',
    );
  }
  const seen = new Set<string>();
  value.forEach((tool: unknown, i) => {
    const at = `tools[${i}]`;
    if (!isObject(tool)) {
      fail(at, `must be an object, got ${show(tool)}`, 'pass { name, description, parameters, execute }');
    }
    if (typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name)) {
      fail(
        `${at}.name`,
        `must match ${TOOL_NAME.source}, got ${show(tool.name)}`,
        'use a snake_case name like "read_file"',
      );
    }
    if (seen.has(tool.name)) {
      fail(`${at}.name`, `"${tool.name}" is used by another tool`, 'give each tool a unique name');
    }
    seen.add(tool.name);
    if (typeof tool.description !== 'string') {
      fail(
        `${at}.description`,
        `must be a string, got ${show(tool.description)}`,
        'say what the tool does, for the model',
      );
    }
    if (!isObject(tool.parameters) || tool.parameters.type !== 'object') {
      fail(
        `${at}.parameters`,
        'must be a JSON Schema object with type "object"',
        'pass e.g. { type: "object", properties: {...}, required: [...] }',
      );
    }
    if (typeof tool.execute !== 'function') {
      fail(
        `${at}.execute`,
        `must be a function, got ${show(tool.execute)}`,
        'pass execute(args, { signal }) returning the result',
      );
    }
    if (
      tool.timeoutMs !== undefined &&
      (typeof tool.timeoutMs !== 'number' || !(tool.timeoutMs > 0) || !Number.isFinite(tool.timeoutMs))
    ) {
      fail(
        `${at}.timeoutMs`,
        `must be a finite number > 0, got ${show(tool.timeoutMs)}`,
        'pass milliseconds like 5000, or leave it out',
      );
    }
  });
  return [...(value as ToolDefinition[])];
}
