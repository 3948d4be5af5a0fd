import { resolve, sep } from 'node:path';
import { isObject, show } from '../agent/_check';
import { DANGER_LEVELS, type DangerLevel, dangerRank, isDangerLevel } from './danger';
import { PermissionRuleError } from './errors';
import { compileGlob, type NameMatcher } from './glob';

/** What a matching rule decides: run the call, refuse it, or ask an approver. */
export type PermissionEffect = 'allow' | 'deny' | 'ask';

/**
 * A path condition: the named arguments are paths, resolved lexically (no symlinks followed: the sandbox checks
 * those at use time) against the policy's `baseDir` when relative.
 */
export interface PathScope {
  /** Argument names holding paths, e.g. `['path']` or `['from', 'to']`. */
  args: readonly string[];
  /** Directories, absolute or relative to `baseDir`. */
  roots: readonly string[];
  /**
   * `inside`: matches when at least one of `args` is present and every present one resolves inside a root.
   * `outside`: matches when a present one is not a string, holds a NUL byte, or resolves outside every root.
   * @default 'inside'
   */
  match?: 'inside' | 'outside';
}

/** A budget condition: matches once the session has used the budget up (use it with `effect: 'deny'`). */
export interface BudgetLimit {
  /** Matches when the session already made this many allowed calls of the called tool. */
  callsPerTool?: number;
  /** Matches when the session's summed cost plus this call's tool cost would exceed it. */
  totalCost?: number;
}

/**
 * One permission rule. Rules are tried in order; the first whose conditions all hold decides (a rule without
 * conditions matches every call). No rule matching means deny.
 */
export interface PermissionRule {
  /** Names the rule in decisions and audit records; unique within a policy. */
  id: string;
  effect: PermissionEffect;
  /** Tool-name globs (`*` any characters, `?` one); any tool when absent. */
  tools?: string | readonly string[];
  /** Danger levels the rule applies to; any when absent. */
  danger?: DangerLevel | readonly DangerLevel[];
  /** Applies to tools at least this dangerous. */
  minDanger?: DangerLevel;
  /** Path scope of the call's path arguments. */
  paths?: PathScope;
  /** Budget of the session. */
  budget?: BudgetLimit;
  /** Why, for decisions and audit records. @default `<effect> by rule "<id>"` */
  reason?: string;
}

/**
 * Where a root lies relative to the policy's base directory, so that a plain relative path (no `.` segment,
 * not absolute) is placed without building its resolved string: `all` (the base is inside the root: every such
 * path is inside), `sub` (the root is `<base>/<sub>`: inside when the path is `sub` or starts with `sub/`),
 * `none` (no such path can be inside).
 */
type RootFromBase = { kind: 'all' } | { kind: 'sub'; sub: string; subPrefix: string } | { kind: 'none' };

/** A path condition compiled against the base directory. */
export interface CompiledPathScope {
  args: readonly string[];
  roots: readonly string[];
  prefixes: readonly string[];
  fromBase: readonly RootFromBase[];
  outside: boolean;
}

/** A rule checked and compiled for fast evaluation. */
export interface CompiledRule {
  id: string;
  effect: PermissionEffect;
  /** Static part: whether the rule can apply to a tool of this name and danger. */
  appliesTo(name: string, danger: DangerLevel): boolean;
  /** Dynamic part, or null when the rule has no path condition. */
  paths: CompiledPathScope | null;
  budget: { callsPerTool: number; totalCost: number } | null;
}

const RULE_KEYS = new Set(['id', 'effect', 'tools', 'danger', 'minDanger', 'paths', 'budget', 'reason']);
const EFFECTS: readonly PermissionEffect[] = ['allow', 'deny', 'ask'];

function nonEmptyStrings(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '');
}

function compileRule(rule: unknown, index: number, baseDir: string, seen: Set<string>): CompiledRule {
  const at = (field: string) => `Permission rule rules[${index}]${field ? `.${field}` : ''}`;
  const fail = (field: string, problem: string, fix: string): never => {
    throw new PermissionRuleError(index, `${at(field)} ${problem} — ${fix}`);
  };
  if (!isObject(rule)) fail('', `must be an object, got ${show(rule)}`, 'pass { id, effect, ... }');
  const r = rule as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!RULE_KEYS.has(key)) fail(key, 'is not a rule field', `use ${[...RULE_KEYS].join(', ')}`);
  }
  if (typeof r.id !== 'string' || r.id === '')
    fail('id', `must be a non-empty string, got ${show(r.id)}`, 'name it');
  const id = r.id as string;
  if (seen.has(id)) fail('id', `"${id}" is used by another rule`, 'give each rule a unique id');
  seen.add(id);
  if (!EFFECTS.includes(r.effect as PermissionEffect)) {
    fail('effect', `must be 'allow', 'deny' or 'ask', got ${show(r.effect)}`, 'pick one');
  }
  if (r.reason !== undefined && typeof r.reason !== 'string') fail('reason', 'must be a string', 'say why');

  let matchesName: NameMatcher | null = null;
  if (r.tools !== undefined) {
    const globs = typeof r.tools === 'string' ? [r.tools] : r.tools;
    if (!nonEmptyStrings(globs)) fail('tools', 'must be a glob or a non-empty array of globs', 'e.g. "fs_*"');
    const matchers = (globs as string[]).map(compileGlob);
    matchesName = matchers.length === 1 ? matchers[0]! : (name) => matchers.some((m) => m(name));
  }
  // Danger as a bit mask: bit n set = level of rank n allowed.
  let dangerMask = (1 << DANGER_LEVELS.length) - 1;
  if (r.danger !== undefined) {
    const levels = typeof r.danger === 'string' ? [r.danger] : r.danger;
    if (!Array.isArray(levels) || levels.length === 0 || !levels.every(isDangerLevel)) {
      fail('danger', `must be levels among ${DANGER_LEVELS.join(', ')}, got ${show(r.danger)}`, 'fix it');
    }
    dangerMask = 0;
    for (const level of levels as DangerLevel[]) dangerMask |= 1 << dangerRank(level);
  }
  if (r.minDanger !== undefined) {
    if (!isDangerLevel(r.minDanger)) {
      fail('minDanger', `must be one of ${DANGER_LEVELS.join(', ')}, got ${show(r.minDanger)}`, 'fix it');
    }
    for (let rank = 0; rank < dangerRank(r.minDanger); rank++) dangerMask &= ~(1 << rank);
  }
  const mask = dangerMask;

  let paths: CompiledRule['paths'] = null;
  if (r.paths !== undefined) {
    const p = r.paths;
    if (!isObject(p))
      fail('paths', 'must be { args, roots, match? }', "e.g. { args: ['path'], roots: ['.'] }");
    const scope = p as Record<string, unknown>;
    if (!nonEmptyStrings(scope.args))
      fail('paths.args', 'must be a non-empty array of names', "e.g. ['path']");
    if (!nonEmptyStrings(scope.roots))
      fail('paths.roots', 'must be a non-empty array of paths', "e.g. ['.']");
    if (scope.match !== undefined && scope.match !== 'inside' && scope.match !== 'outside') {
      fail('paths.match', `must be 'inside' or 'outside', got ${show(scope.match)}`, 'pick one');
    }
    const roots = (scope.roots as string[]).map((root) => resolve(baseDir, root));
    const prefixes = roots.map((root) => (root.endsWith(sep) ? root : root + sep));
    const basePrefix = baseDir.endsWith(sep) ? baseDir : baseDir + sep;
    paths = {
      args: [...(scope.args as string[])],
      roots,
      prefixes,
      fromBase: roots.map((root, i): RootFromBase => {
        if (baseDir === root || baseDir.startsWith(prefixes[i]!)) return { kind: 'all' };
        if (root.startsWith(basePrefix)) {
          const sub = root.slice(basePrefix.length);
          return { kind: 'sub', sub, subPrefix: `${sub}/` };
        }
        return { kind: 'none' };
      }),
      outside: scope.match === 'outside',
    };
  }

  let budget: CompiledRule['budget'] = null;
  if (r.budget !== undefined) {
    const b = r.budget;
    const limit = (value: unknown) => value === undefined || (typeof value === 'number' && value >= 0);
    if (!isObject(b) || (b.callsPerTool === undefined && b.totalCost === undefined)) {
      fail('budget', 'must set callsPerTool and/or totalCost', 'e.g. { callsPerTool: 100 }');
    }
    const limits = b as Record<string, unknown>;
    if (!limit(limits.callsPerTool) || !limit(limits.totalCost)) {
      fail('budget', 'limits must be numbers >= 0', 'e.g. { callsPerTool: 100, totalCost: 5 }');
    }
    budget = {
      callsPerTool: (limits.callsPerTool as number | undefined) ?? Number.POSITIVE_INFINITY,
      totalCost: (limits.totalCost as number | undefined) ?? Number.POSITIVE_INFINITY,
    };
  }

  return {
    id,
    effect: r.effect as PermissionEffect,
    appliesTo: (name, danger) =>
      (mask & (1 << dangerRank(danger))) !== 0 && (!matchesName || matchesName(name)),
    paths,
    budget,
  };
}

/**
 * Checks and compiles rules: globs to matchers, danger levels to a bit mask, roots resolved against `baseDir`.
 * @throws PermissionRuleError naming the first bad rule and field.
 */
export function compileRules(rules: readonly PermissionRule[], baseDir: string): CompiledRule[] {
  if (!Array.isArray(rules)) {
    throw new PermissionRuleError(
      -1,
      `Permission rules must be an array, got ${show(rules)} — pass [{ id, effect }]`,
    );
  }
  const seen = new Set<string>();
  return rules.map((rule, index) => compileRule(rule, index, baseDir, seen));
}

const SLASH = 47;
const DOT = 46;

/**
 * Whether `p` is a plain relative path: not empty, not absolute, no leading `.`, no `/.` (so no `.` or `..`
 * segment), no `//`, no trailing `/`. Resolving it against a base only appends it.
 */
function isPlainRelative(p: string): boolean {
  const first = p.charCodeAt(0);
  return (
    sep === '/' &&
    p.length > 0 &&
    first !== SLASH &&
    first !== DOT &&
    p.charCodeAt(p.length - 1) !== SLASH &&
    !p.includes('/.') &&
    !p.includes('//')
  );
}

/** Whether path argument `value` lies inside one of the scope's roots, lexically. */
function isInside(scope: CompiledPathScope, value: unknown, baseDir: string): boolean {
  if (typeof value !== 'string' || value === '' || value.includes('\0')) return false;
  if (isPlainRelative(value)) {
    // The common case, decided without building the resolved path.
    for (const where of scope.fromBase) {
      if (where.kind === 'all') return true;
      if (where.kind === 'sub' && (value === where.sub || value.startsWith(where.subPrefix))) return true;
    }
    return false;
  }
  const resolved = resolve(baseDir, value);
  for (let i = 0; i < scope.roots.length; i++) {
    if (resolved === scope.roots[i] || resolved.startsWith(scope.prefixes[i]!)) return true;
  }
  return false;
}

/** Whether the rule's path condition holds for `args`. */
export function matchPaths(scope: CompiledPathScope, args: unknown, baseDir: string): boolean {
  if (typeof args !== 'object' || args === null) return false;
  const values = args as Record<string, unknown>;
  let present = 0;
  for (const name of scope.args) {
    if (!Object.hasOwn(values, name)) continue;
    present++;
    if (!isInside(scope, values[name], baseDir)) return scope.outside;
  }
  return scope.outside ? false : present > 0;
}
