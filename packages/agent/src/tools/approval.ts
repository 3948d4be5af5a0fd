import { linkSignals } from '../agent/_signals';
import type { AuditLog, AuditRecord } from './audit-log';
import type { DangerLevel } from './danger';

/** A call the policy answered with `ask`, as an approver sees it. */
export interface ApprovalRequest {
  /** Unique per workflow, e.g. `apr_lx3k2_17`; also in the audit record. */
  id: string;
  sessionId: string;
  tool: string;
  args: unknown;
  danger: DangerLevel | null;
  /** The `ask` rule, and its reason. */
  rule: string | null;
  reason: string;
  /** ISO 8601 UTC. */
  requestedAt: string;
}

/** An approver's answer. */
export interface ApprovalVerdict {
  approved: boolean;
  /** Why, for the audit record and (when denied) the model. */
  reason?: string;
  /** Who decided, e.g. a user name. @default the approver's name */
  by?: string;
}

/**
 * Decides approval requests: a person at a prompt (`createPromptApprover`), a rule engine, a test
 * (`createProgrammaticApprover`). `signal` aborts when the run is aborted or the request times out.
 */
export interface Approver {
  readonly name: string;
  decide(
    request: ApprovalRequest,
    options: { signal: AbortSignal },
  ): ApprovalVerdict | Promise<ApprovalVerdict>;
}

/** What {@link ApprovalWorkflow.request} returns once the decision is durably audited. */
export interface ApprovalOutcome {
  approved: boolean;
  /** Who decided: the verdict's `by`, else the approver's name. */
  by: string;
  reason: string;
  request: ApprovalRequest;
  /** The audit record written for this decision. */
  record: AuditRecord;
  /** Milliseconds from the request to the approver's answer. */
  waitedMs: number;
}

/** Options of {@link ApprovalWorkflow}. */
export interface ApprovalWorkflowOptions {
  approver: Approver;
  /** Where every decision is recorded before it is returned. */
  audit: AuditLog;
  /** An approver that has not answered by then denies. @default 300000 (5 minutes) */
  timeoutMs?: number;
}

/** A call that needs approval: the policy's `ask` decision included. */
export interface ApprovalCall {
  sessionId: string;
  tool: string;
  args: unknown;
  danger: DangerLevel | null;
  rule: string | null;
  reason: string;
}

/** Default time an approver has to answer. */
export const DEFAULT_APPROVAL_TIMEOUT_MS = 300_000;

class ApprovalTimeout extends Error {
  override readonly name = 'TimeoutError';
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * Request -> approver -> durable audit record -> decision. An approver that throws, answers something other
 * than a verdict or does not answer within `timeoutMs` denies; the denial is audited like any other. A run
 * aborted while waiting records the request as denied ("aborted") and rejects with the abort reason.
 */
export class ApprovalWorkflow {
  readonly approver: Approver;
  readonly audit: AuditLog;
  readonly timeoutMs: number;
  private counter = 0;
  private readonly prefix = `apr_${Date.now().toString(36)}_`;

  constructor(options: ApprovalWorkflowOptions) {
    this.approver = options.approver;
    this.audit = options.audit;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_APPROVAL_TIMEOUT_MS;
  }

  /**
   * Asks the approver about `call`, records the decision durably, then returns it.
   * @throws the abort reason when `signal` aborts (after recording the request as denied);
   *   AuditLogError when the decision could not be recorded (the call must then not run).
   */
  async request(call: ApprovalCall, options: { signal?: AbortSignal } = {}): Promise<ApprovalOutcome> {
    const request: ApprovalRequest = {
      id: `${this.prefix}${++this.counter}`,
      sessionId: call.sessionId,
      tool: call.tool,
      args: call.args,
      danger: call.danger,
      rule: call.rule,
      reason: call.reason,
      requestedAt: new Date().toISOString(),
    };
    const started = performance.now();
    const verdict = await this.ask(request, options.signal);
    const waitedMs = performance.now() - started;
    const by = verdict.by ?? this.approver.name;
    const reason = verdict.reason ?? (verdict.approved ? 'approved' : 'not approved');
    const record = await this.audit.append({
      sessionId: call.sessionId,
      tool: call.tool,
      args: call.args,
      danger: call.danger,
      effect: 'ask',
      outcome: verdict.approved ? 'allowed' : 'denied',
      rule: call.rule,
      reason,
      decidedBy: `approver:${by}`,
      requestId: request.id,
      waitedMs: Math.round(waitedMs * 1000) / 1000,
    });
    if (verdict.aborted) throw verdict.aborted.reason;
    return { approved: verdict.approved, by, reason, request, record, waitedMs };
  }

  /** The approver's verdict; any failure becomes a denial. */
  private async ask(
    request: ApprovalRequest,
    signal: AbortSignal | undefined,
  ): Promise<ApprovalVerdict & { aborted?: { reason: unknown } }> {
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new ApprovalTimeout(`approval timed out after ${this.timeoutMs} ms`)),
      this.timeoutMs,
    );
    const linked = linkSignals([signal, timeout.signal]);
    let onAbort: (() => void) | undefined;
    try {
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(linked.signal.reason);
        if (linked.signal.aborted) onAbort();
        else linked.signal.addEventListener('abort', onAbort, { once: true });
      });
      aborted.catch(() => {});
      const answer = Promise.resolve().then(() => this.approver.decide(request, { signal: linked.signal }));
      answer.catch(() => {});
      const verdict = await Promise.race([answer, aborted]);
      if (typeof verdict !== 'object' || verdict === null || typeof verdict.approved !== 'boolean') {
        return { approved: false, reason: `approver ${this.approver.name} gave no verdict` };
      }
      return verdict;
    } catch (error) {
      if (signal?.aborted) {
        return { approved: false, reason: 'aborted before a decision', aborted: { reason: signal.reason } };
      }
      if (timeout.signal.aborted) {
        return { approved: false, reason: `approval timed out after ${this.timeoutMs} ms` };
      }
      return { approved: false, reason: `approver ${this.approver.name} failed: ${messageOf(error)}` };
    } finally {
      clearTimeout(timer);
      if (onAbort) linked.signal.removeEventListener('abort', onAbort);
      linked.dispose();
    }
  }
}

/**
 * An approver that decides in code, for tests, benchmarks and automated pipelines: a fixed answer, or a
 * function of the request.
 * @example createProgrammaticApprover((request) => ({ approved: request.tool !== 'fs_delete' }))
 */
export function createProgrammaticApprover(
  decide: boolean | ((request: ApprovalRequest) => ApprovalVerdict | Promise<ApprovalVerdict>),
  options: { name?: string } = {},
): Approver {
  const name = options.name ?? 'programmatic';
  if (typeof decide === 'boolean') {
    const verdict: ApprovalVerdict = Object.freeze({ approved: decide });
    return { name, decide: () => verdict };
  }
  return { name, decide: (request) => decide(request) };
}
