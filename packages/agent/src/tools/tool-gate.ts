import { DEFAULT_SESSION_ID } from '../agent/create-agent';
import type { ToolCallRequest, ToolPolicy } from '../agent/policy';
import { runToolCall, type ToolCallRecord } from '../agent/run-tool';
import { ApprovalWorkflow, type Approver } from './approval';
import type { AuditEntry, AuditLog } from './audit-log';
import type { PermissionDecision, PermissionPolicy } from './permission-policy';
import type { ToolRegistry } from './registry';

/** Options of {@link ToolGate}. */
export interface ToolGateOptions {
  registry: ToolRegistry;
  policy: PermissionPolicy;
  /** Every decision is recorded here before it takes effect. */
  audit: AuditLog;
  /** Decides `ask` calls. Without one, `ask` denies ("no approver"). */
  approver?: Approver;
  /** An approver that has not answered by then denies. @default 300000 */
  approvalTimeoutMs?: number;
}

/** A gate decision: the policy's, or for `ask` the approver's, with where it was recorded. */
export interface GateDecision extends PermissionDecision {
  /** `policy`, or `approver:<who>`. */
  decidedBy: string;
  /** Sequence number of the audit record, or null when the record could not be written (then denied). */
  auditSeq: number | null;
}

/** Options of {@link ToolGate.call}. */
export interface ToolGateCallOptions {
  /** @default 'default' */
  sessionId?: string;
  /** Aborting it makes the call reject at once with the signal's reason. */
  signal?: AbortSignal;
}

const NEVER_ABORTED = new AbortController().signal;

/**
 * The path of every tool call: registry -> argument validation -> permission policy -> (approval) -> execute with
 * the tool's timeout. Every policy and approval decision, allowed or denied, is audited before it takes effect;
 * a decision that cannot be audited denies (fail closed). Allowed calls are charged to the session's budget.
 *
 * It is a `ToolPolicy`, so the agent loop goes through it too:
 * `createAgent({ tools: registry.list(), policy: gate })` — the agent validates, the gate decides and audits,
 * the agent executes.
 */
export class ToolGate implements ToolPolicy {
  readonly registry: ToolRegistry;
  readonly policy: PermissionPolicy;
  readonly audit: AuditLog;
  readonly approvals: ApprovalWorkflow | undefined;

  constructor(options: ToolGateOptions) {
    this.registry = options.registry;
    this.policy = options.policy;
    this.audit = options.audit;
    this.approvals = options.approver
      ? new ApprovalWorkflow({
          approver: options.approver,
          audit: options.audit,
          ...(options.approvalTimeoutMs !== undefined ? { timeoutMs: options.approvalTimeoutMs } : {}),
        })
      : undefined;
  }

  /**
   * Decides whether `call` may run: the policy, then for `ask` the approver; audited either way.
   * @throws the abort reason when `context.signal` aborts while an approver is deciding.
   */
  async check(
    call: ToolCallRequest,
    context: { sessionId: string; signal?: AbortSignal },
  ): Promise<GateDecision> {
    const { sessionId } = context;
    const decision = this.policy.check(call, context);
    const danger = this.policy.dangerOf(call.tool);
    if (decision.effect === 'ask') {
      if (!this.approvals) {
        return this.record(call, sessionId, decision, {
          allow: false,
          reason: `${decision.reason}; needs approval but the gate has no approver`,
        });
      }
      let outcome: Awaited<ReturnType<ApprovalWorkflow['request']>>;
      try {
        outcome = await this.approvals.request(
          {
            sessionId,
            tool: call.tool,
            args: call.args,
            danger,
            rule: decision.rule,
            reason: decision.reason,
          },
          context.signal ? { signal: context.signal } : {},
        );
      } catch (error) {
        if (context.signal?.aborted) throw error;
        return this.unaudited(decision, error);
      }
      if (outcome.approved) this.charge(call.tool, sessionId);
      return {
        allow: outcome.approved,
        effect: 'ask',
        rule: decision.rule,
        reason: outcome.approved
          ? `approved by ${outcome.by}: ${outcome.reason}`
          : `not approved by ${outcome.by}: ${outcome.reason}`,
        decidedBy: `approver:${outcome.by}`,
        auditSeq: outcome.record.seq,
      };
    }
    return this.record(call, sessionId, decision, { allow: decision.allow, reason: decision.reason });
  }

  /**
   * Runs one call the whole way (what the agent loop does for a model's tool call): unknown tool, invalid
   * arguments, denial, timeout and failure come back as the record's `error`; only an abort rejects.
   */
  call(
    call: { tool: string; arguments: unknown },
    options: ToolGateCallOptions = {},
  ): Promise<ToolCallRecord> {
    return runToolCall(call, {
      tools: this.registry.tools,
      validators: this.registry.validators,
      policy: this,
      sessionId: options.sessionId ?? DEFAULT_SESSION_ID,
      signal: options.signal ?? NEVER_ABORTED,
    });
  }

  private async record(
    call: ToolCallRequest,
    sessionId: string,
    decision: PermissionDecision,
    result: { allow: boolean; reason: string },
  ): Promise<GateDecision> {
    const entry: AuditEntry = {
      sessionId,
      tool: call.tool,
      args: call.args,
      danger: this.policy.dangerOf(call.tool),
      effect: decision.effect,
      outcome: result.allow ? 'allowed' : 'denied',
      rule: decision.rule,
      reason: result.reason,
      decidedBy: 'policy',
    };
    let seq: number;
    try {
      seq = (await this.audit.append(entry)).seq;
    } catch (error) {
      return this.unaudited(decision, error);
    }
    if (result.allow) this.charge(call.tool, sessionId);
    return { ...decision, allow: result.allow, reason: result.reason, decidedBy: 'policy', auditSeq: seq };
  }

  /** Fail closed: a decision that could not be recorded denies. */
  private unaudited(decision: PermissionDecision, error: unknown): GateDecision {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return {
      allow: false,
      effect: decision.effect,
      rule: decision.rule,
      reason: `denied: the decision could not be audited (${why})`,
      decidedBy: 'gate',
      auditSeq: null,
    };
  }

  private charge(tool: string, sessionId: string): void {
    this.policy.usage.record(sessionId, tool, { cost: this.policy.costOf(tool) });
  }
}
