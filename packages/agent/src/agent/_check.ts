import { AgentConfigError } from './errors';

/** A short one-line rendering of a bad value for an error message. */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 37)}..."` : text;
  }
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fail(field: string, problem: string, fix: string): never {
  throw new AgentConfigError(field, problem, fix);
}

export function checkInteger(field: string, value: unknown, min: number, fix: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(field, `must be an integer >= ${min}, got ${show(value)}`, fix);
  }
}
