import { expect, it } from 'vitest';
import { defineRegisteredTool, ToolRegistry, ToolRegistryError } from '../src/index';

const echo = defineRegisteredTool<{ text: string }>({
  name: 'echo',
  description: 'Returns its text.',
  danger: 'safe',
  parameters: {
    type: 'object',
    properties: { text: { type: 'string', maxLength: 5 } },
    required: ['text'],
    additionalProperties: false,
  },
  execute: ({ text }) => text,
});

it('refuses tools without a valid danger level, name, schema or execute, naming the field', () => {
  const bad: Array<[unknown, string, RegExp]> = [
    [{ ...echo, danger: undefined }, 'danger', /danger must be one of safe, low, medium, high, critical/],
    [{ ...echo, danger: 'scary' }, 'danger', /got "scary"/],
    [{ ...echo, name: 'fs.write' }, 'name', /must match/],
    [{ ...echo, parameters: { type: 'string' } }, 'parameters', /type "object"/],
    [{ ...echo, execute: 'nope' }, 'execute', /must be a function/],
    [{ ...echo, timeoutMs: 0 }, 'timeoutMs', /> 0/],
    [{ ...echo, cost: -1 }, 'cost', />= 0/],
  ];
  for (const [tool, field, message] of bad) {
    const registry = new ToolRegistry();
    let error: unknown;
    try {
      registry.register(tool as never);
    } catch (e) {
      error = e;
    }
    expect(error, field).toBeInstanceOf(ToolRegistryError);
    expect((error as ToolRegistryError).code).toBe('TOOL_REGISTRY_INVALID');
    expect((error as ToolRegistryError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
    expect(registry.size).toBe(0);
  }
  const registry = new ToolRegistry([echo]);
  expect(() => registry.register(echo)).toThrow(/"echo" name is registered already/);
});

it('compiles each validator once, on first validation, and reports what is wrong', async () => {
  const registry = new ToolRegistry([echo]);
  expect(registry.validators.initialized).toBe(false);
  expect(await registry.validate('echo', { text: 'hi' })).toBeUndefined();
  expect(registry.validators.initialized).toBe(true);
  expect(await registry.validate('echo', { text: 'too long' })).toBe(
    'arguments/text must NOT have more than 5 characters',
  );
  expect(await registry.validate('echo', { text: 'a', extra: 1 })).toBe(
    'arguments must NOT have additional properties',
  );
  expect(await registry.validate('echo', {})).toBe("arguments must have required property 'text'");
  await expect(registry.validate('nope', {})).rejects.toThrow(/No tool "nope" is registered/);
  // Registered later: compiled on its own first use.
  registry.register({ ...echo, name: 'echo2' });
  expect(registry.validators.initialized).toBe(false);
  await registry.compile();
  expect(registry.validators.initialized).toBe(true);
  expect(registry.list().map((t) => t.name)).toEqual(['echo', 'echo2']);
});
