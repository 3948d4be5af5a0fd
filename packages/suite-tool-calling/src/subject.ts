import type { DangerLevel, PermissionEffect, PermissionRule } from '@kaizen-bench/agent';

type MaybePromise<T> = T | Promise<T>;

/** One tool call as the suite hands it to a subject. */
export interface ToolCallSpec {
  tool: string;
  args: Record<string, unknown>;
  sessionId: string;
}

/** A tool of the workload: what permission rules match on. */
export interface WorkloadTool {
  name: string;
  danger: DangerLevel;
  /** Units charged per allowed call against a session's cost budget. @default 0 */
  cost?: number;
}

/**
 * What the suite asks a subject to be set up for, before a benchmark's first iteration (untimed). Plain JSON:
 * a framework adapter translates the rules into its own permission layer.
 */
export interface ToolCallingWorkload {
  /** Tools the rules talk about, with danger levels and costs. */
  tools: WorkloadTool[];
  /**
   * Ordered permission rules, first match wins, deny by default (the `PermissionRule` form of
   * `@kaizen-bench/agent`: tool globs, danger levels, path scopes, budgets). Relative paths in rules and
   * in call arguments resolve against `sandboxRoot`.
   */
  rules: PermissionRule[];
  /** An existing, empty directory: the only place `fs_write` / `fs_read` may touch. */
  sandboxRoot: string;
  /** Usage already spent per session, for the budget rules. */
  usage: Record<string, { callsByTool: Record<string, number>; cost: number }>;
  /** Tool Execution: a tool call not finished by then must be aborted and reported as failed, ms. */
  toolTimeoutMs: number;
}

/** A permission decision. */
export interface PermissionVerdict {
  effect: PermissionEffect;
  /** The rule that decided, when the subject can say (checked against the expected one); null: default deny. */
  rule?: string | null;
}

/** What the suite's programmatic approver answers. */
export interface ApprovalAnswer {
  approved: boolean;
  reason: string;
}

/** The suite's programmatic approver: the subject must route approval requests to it. */
export type SuiteApprover = (request: { tool: string; args: unknown; sessionId: string }) => ApprovalAnswer;

/** The outcome of one tool call in Tool Execution. */
export type ToolExecutionResult = { ok: true; result: unknown } | { ok: false; error: string };

/** Facts about the subject's audit trail, for the Approval Workflow and Tool Execution results. */
export interface AuditFacts {
  /** The durability setting, e.g. `fsync` (on disk before the decision returns) or `write`. */
  durability: string;
  /** Audit records written so far by this subject. */
  recordsWritten: number;
}

/**
 * The operations the Tool Calling suite times. Implement it to benchmark your own framework; leave out an
 * operation your framework lacks and its benchmark is `skipped` with the reason. The default subject is the
 * tools layer of `@kaizen-bench/agent` (see `createAgentToolsSubject`).
 */
/** Ids of the Tool Calling benchmarks, as in results. */
export type ToolCallingBenchmarkId = 'permission_check' | 'approval_workflow' | 'tool_execution';

export interface ToolCallingSubject {
  /** Shown in the results' metadata. */
  readonly name: string;
  /**
   * Benchmarks the framework does not offer, with the reason (e.g. `{ permission_check: 'no permission
   * layer' }`): each is `skipped` with it, whatever operations the subject has.
   */
  readonly unsupported?: Partial<Record<ToolCallingBenchmarkId, string>>;
  /** Untimed, in each benchmark's setup: configure rules, tools, sandbox and budgets; replaces any earlier setup. */
  prepare?(workload: ToolCallingWorkload): MaybePromise<void>;
  /**
   * Permission Check: decide one call with the workload's rules. Return synchronously so the harness can time
   * it in batches (a promise is timed per call, which cannot resolve sub-microsecond work).
   */
  checkPermission?(call: ToolCallSpec): PermissionVerdict | Promise<PermissionVerdict>;
  /**
   * Approval Workflow: `call` is one the rules answer with `ask`. Turn it into an approval request, ask
   * `approver`, record the decision durably in the audit trail, and return the decision.
   */
  requestApproval?(call: ToolCallSpec, approver: SuiteApprover): Promise<{ approved: boolean }>;
  /**
   * Tool Execution: run `fs_write` ({ path, content }) or `fs_read` ({ path }) confined to the sandbox root:
   * validate the arguments against the tool's schema, check permission, execute under `toolTimeoutMs`.
   * `fs_read`'s result is the content, or an object with a `content` string.
   */
  callTool?(call: ToolCallSpec, options: { signal: AbortSignal }): Promise<ToolExecutionResult>;
  /** The audit trail's durability and record count, asked for after a benchmark's last iteration. */
  auditFacts?(): MaybePromise<AuditFacts>;
  /** Facts for the results' metadata, asked for once per benchmark after its last iteration. */
  describe?(): MaybePromise<Record<string, unknown>>;
  /** Releases what the subject holds; called once per benchmark when the suite made the subject. */
  close?(): MaybePromise<void>;
}

/**
 * A subject, or a factory making a fresh subject per benchmark. The suite closes subjects it made through a
 * factory; a subject object passed directly is shared by the three benchmarks and never closed.
 */
export type ToolCallingSubjectSource = ToolCallingSubject | (() => MaybePromise<ToolCallingSubject>);
