import { resolve } from 'node:path';
import type { ToolCallRequest, ToolPolicy } from '../agent/policy';
import type { DangerLevel } from './danger';
import {
  type CompiledRule,
  compileRules,
  matchPaths,
  type PermissionEffect,
  type PermissionRule,
} from './permission-rules';
import { UsageLedger } from './usage-ledger';

/** A permission decision, with the rule that made it (`null`: no rule matched, or the tool is unknown). */
export interface PermissionDecision {
  /** True only for `effect: 'allow'`: an `ask` is not an allow until an approver says so. */
  allow: boolean;
  effect: PermissionEffect;
  rule: string | null;
  reason: string;
}

/** What the policy needs to know of a tool: a `ToolRegistry` or a `Map` of `{ danger, cost? }` fits. */
export interface ToolLookup {
  get(name: string): { danger: DangerLevel; cost?: number } | undefined;
}

/** Options of {@link PermissionPolicy}. */
export interface PermissionPolicyOptions {
  /** Tried in order, first match decides; none matching denies. */
  rules: readonly PermissionRule[];
  /** Danger level and cost of each tool; a call of a tool it does not know is denied. */
  tools: ToolLookup;
  /** Relative path arguments and rule roots resolve against it. @default process.cwd() */
  baseDir?: string;
  /** Usage the budget rules read. @default a new UsageLedger */
  usage?: UsageLedger;
}

/** The decision when no rule matches. */
export const DEFAULT_DENY: PermissionDecision = Object.freeze({
  allow: false,
  effect: 'deny',
  rule: null,
  reason: 'no permission rule matched (deny by default)',
});

interface ToolEntry {
  cost: number;
  /** Rules whose tool-name and danger conditions hold for this tool, in order. */
  rules: CompiledRule[];
  /** One frozen decision per rule, in the same order: checking allocates nothing. */
  decisions: PermissionDecision[];
}

/**
 * Ordered allow / deny / ask rules over tool names (globs), danger levels, path scopes and budgets; deny by
 * default. `check` is synchronous and allocation-free on the common path: rules are compiled once, and the
 * rules that can apply to a tool (name and danger are static) are picked once per tool name, so a check only
 * evaluates path and budget conditions.
 *
 * As an agent `policy` it denies `ask` decisions (nobody approves them); use a `ToolGate` to route them to an
 * approver and audit every decision.
 */
export class PermissionPolicy implements ToolPolicy {
  /** Usage the budget rules read; the `ToolGate` records allowed calls in it. */
  readonly usage: UsageLedger;
  readonly baseDir: string;
  readonly rules: readonly PermissionRule[];
  private readonly compiled: CompiledRule[];
  private readonly tools: ToolLookup;
  private readonly byTool = new Map<string, ToolEntry>();

  /** @throws PermissionRuleError naming the first malformed rule. */
  constructor(options: PermissionPolicyOptions) {
    this.baseDir = resolve(options.baseDir ?? process.cwd());
    this.rules = [...options.rules];
    this.compiled = compileRules(options.rules, this.baseDir);
    this.tools = options.tools;
    this.usage = options.usage ?? new UsageLedger();
  }

  /** Decides one call: the first rule whose conditions hold, else {@link DEFAULT_DENY}. */
  check(call: ToolCallRequest, context: { sessionId: string }): PermissionDecision {
    const entry = this.byTool.get(call.tool) ?? this.entryFor(call.tool);
    if (!entry) {
      return {
        allow: false,
        effect: 'deny',
        rule: null,
        reason: `unknown tool ${JSON.stringify(call.tool)}`,
      };
    }
    const { rules } = entry;
    // Read once, when the first budget rule needs it.
    let calls = -1;
    let cost = 0;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      if (rule.paths && !matchPaths(rule.paths, call.args, this.baseDir)) continue;
      if (rule.budget) {
        if (calls < 0) {
          const session = this.usage.session(context.sessionId);
          calls = session?.callsByTool.get(call.tool) ?? 0;
          cost = session?.cost ?? 0;
        }
        if (!(calls >= rule.budget.callsPerTool || cost + entry.cost > rule.budget.totalCost)) continue;
      }
      return entry.decisions[i]!;
    }
    return DEFAULT_DENY;
  }

  /** Cost charged per allowed call of `tool` (0 when it has none or is unknown). */
  costOf(tool: string): number {
    return this.tools.get(tool)?.cost ?? 0;
  }

  /** Danger level of `tool` as the policy sees it, or null when the tool is unknown. */
  dangerOf(tool: string): DangerLevel | null {
    return this.tools.get(tool)?.danger ?? null;
  }

  private entryFor(name: string): ToolEntry | undefined {
    const tool = this.tools.get(name);
    if (!tool) return undefined; // not cached: the tool may be registered later
    const rules = this.compiled.filter((rule) => rule.appliesTo(name, tool.danger));
    const decisions = rules.map((rule) => {
      const original = this.rules[this.compiled.indexOf(rule)];
      return Object.freeze({
        allow: rule.effect === 'allow',
        effect: rule.effect,
        rule: rule.id,
        reason: original?.reason ?? `${rule.effect} by rule "${rule.id}"`,
      });
    });
    const entry = { cost: tool.cost ?? 0, rules, decisions };
    this.byTool.set(name, entry);
    return entry;
  }
}

/** Creates a {@link PermissionPolicy}. @throws PermissionRuleError naming the first malformed rule. */
export function createPermissionPolicy(options: PermissionPolicyOptions): PermissionPolicy {
  return new PermissionPolicy(options);
}
