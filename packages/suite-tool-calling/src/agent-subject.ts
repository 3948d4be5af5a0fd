import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuditDurability,
  createCalculatorTool,
  createFsSandbox,
  createFsTools,
  createPermissionPolicy,
  createProgrammaticApprover,
  type DangerLevel,
  type FsSandbox,
  JsonlAuditLog,
  type PermissionPolicy,
  type SandboxStrategy,
  ToolGate,
  ToolRegistry,
} from '@kaizen-bench/agent';
import type { SuiteApprover, ToolCallingSubject } from './subject';

/** Name of the default subject in results. */
export const AGENT_TOOLS_SUBJECT_NAME = 'ToolGate (@kaizen-bench/agent)';

/** Options of {@link createAgentToolsSubject}. */
export interface AgentToolsSubjectOptions {
  /** Audit durability: `fsync` (on disk before a decision returns) or `write`. @default 'fsync' */
  auditDurability?: AuditDurability;
  /** How the sandbox opens files. @default 'proc-fd' on Linux, else 'portable' */
  sandboxStrategy?: SandboxStrategy;
}

interface Prepared {
  policy: PermissionPolicy;
  gate: ToolGate;
  audit: JsonlAuditLog;
  sandbox: FsSandbox;
  rules: number;
}

/**
 * The default subject: the tools layer of `@kaizen-bench/agent`. `prepare` builds a `PermissionPolicy` from the
 * workload's rules, a `ToolRegistry` with `fs_write` / `fs_read` confined to an `FsSandbox` at the workload's
 * root (plus `calculate`), a `JsonlAuditLog` (fdatasync per record) in a temp directory, and a `ToolGate`
 * whose programmatic approver asks the suite's approver. Calls go through `ToolGate.call`: what the agent loop
 * runs for a model's tool call.
 */
export async function createAgentToolsSubject(
  options: AgentToolsSubjectOptions = {},
): Promise<ToolCallingSubject> {
  const durability = options.auditDurability ?? 'fsync';
  const dir = await mkdtemp(join(tmpdir(), 'kaizen-bench-tool-calling-'));
  let prepared: Prepared | undefined;
  let auditFiles = 0;
  let recordsBefore = 0;
  let approver: SuiteApprover | undefined;
  const approve = createProgrammaticApprover(
    (request) => {
      if (!approver) return { approved: false, reason: 'no approver set' };
      const answer = approver({ tool: request.tool, args: request.args, sessionId: request.sessionId });
      return { approved: answer.approved, reason: answer.reason, by: 'suite-approver' };
    },
    { name: 'suite-approver' },
  );
  const ready = (): Prepared => {
    if (!prepared) throw new Error(`${AGENT_TOOLS_SUBJECT_NAME}: prepare(workload) was not called`);
    return prepared;
  };
  const release = async (): Promise<void> => {
    if (!prepared) return;
    recordsBefore += prepared.audit.recordsWritten;
    await prepared.audit.close();
    prepared = undefined;
  };

  return {
    name: AGENT_TOOLS_SUBJECT_NAME,
    async prepare(workload) {
      await release();
      const sandbox = await createFsSandbox({
        root: workload.sandboxRoot,
        ...(options.sandboxStrategy ? { strategy: options.sandboxStrategy } : {}),
      });
      const fs = createFsTools(sandbox, { timeoutMs: workload.toolTimeoutMs });
      const registry = new ToolRegistry([fs.write, fs.read, createCalculatorTool()]);
      // The workload says how dangerous each tool is; the registry's real tools agree with it.
      const tools = new Map<string, { danger: DangerLevel; cost?: number }>(
        workload.tools.map((t) => [
          t.name,
          { danger: t.danger, ...(t.cost !== undefined ? { cost: t.cost } : {}) },
        ]),
      );
      const policy = createPermissionPolicy({ rules: workload.rules, tools, baseDir: sandbox.root });
      for (const [sessionId, usage] of Object.entries(workload.usage)) {
        const spent = Object.entries(usage.callsByTool);
        if (spent.length === 0) spent.push(['', 0]);
        // The session's cost is charged once, with its first tool.
        for (const [i, [tool, calls]] of spent.entries()) {
          policy.usage.record(sessionId, tool, { calls, cost: i === 0 ? usage.cost : 0 });
        }
      }
      const audit = new JsonlAuditLog({ path: join(dir, `audit-${++auditFiles}.jsonl`), durability });
      const gate = new ToolGate({ registry, policy, audit, approver: approve });
      await registry.compile(); // untimed: the validators' one-time compile is Lazy Init's business
      prepared = { policy, gate, audit, sandbox, rules: workload.rules.length };
    },
    checkPermission(call) {
      return ready().policy.check({ tool: call.tool, args: call.args }, call);
    },
    async requestApproval(call, suiteApprover) {
      approver = suiteApprover;
      const decision = await ready().gate.check({ tool: call.tool, args: call.args }, call);
      return { approved: decision.allow };
    },
    async callTool(call, { signal }) {
      const record = await ready().gate.call(
        { tool: call.tool, arguments: call.args },
        { sessionId: call.sessionId, signal },
      );
      return record.error
        ? { ok: false, error: `${record.error.code}: ${record.error.message}` }
        : { ok: true, result: record.result };
    },
    auditFacts() {
      return { durability, recordsWritten: recordsBefore + (prepared?.audit.recordsWritten ?? 0) };
    },
    describe() {
      return {
        audit_store: 'JSONL file, one record per line, group commit',
        audit_durability: durability,
        sandbox_strategy: prepared?.sandbox.strategy ?? options.sandboxStrategy ?? 'default',
        rules: prepared?.rules ?? 0,
      };
    },
    async close() {
      await release();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
