import Ajv2020 from 'ajv/dist/2020.js';
import schema from '../schema.json';
import type { SuiteResult } from './types';

/** One way a value fails the result schema. */
export interface SchemaIssue {
  /** JSON Pointer to the offending value, `''` for the root (e.g. `/benchmark_results/0/latency_ms/p50`). */
  pointer: string;
  /** What is wrong there, e.g. `must have required property 'reason'`. */
  message: string;
}

// Compiled once, lazily. Strict mode: the schema itself is checked for mistakes, and NaN/Infinity are not numbers.
let compiled: ReturnType<Ajv2020['compile']> | undefined;
function validator(): ReturnType<Ajv2020['compile']> {
  compiled ??= new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  return compiled;
}

/**
 * Checks a value (e.g. a parsed results file) against the shipped JSON Schema
 * (`@kaizen-bench/harness/schema.json`, draft 2020-12). Returns the problems; an empty array means valid.
 */
export function validateSuiteResult(value: unknown): SchemaIssue[] {
  const validate = validator();
  if (validate(value)) return [];
  // if/then failures repeat as a bare "must match then schema": keep only the specific messages.
  const issues = (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => ({ pointer: e.instancePath, message: describe(e) }));
  return issues.length > 0 ? issues : [{ pointer: '', message: 'does not match the result schema' }];
}

/** True when `value` is a valid {@link SuiteResult}. */
export function isSuiteResult(value: unknown): value is SuiteResult {
  return validator()(value) === true;
}

function describe(error: { message?: string; keyword: string; params: Record<string, unknown> }): string {
  const base = error.message ?? `fails ${error.keyword}`;
  if (error.keyword === 'enum' || error.keyword === 'const') {
    const allowed = error.params['allowedValues'] ?? error.params['allowedValue'];
    return `${base}: ${JSON.stringify(allowed)}`;
  }
  return base;
}
