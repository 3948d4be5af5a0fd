import {
  createPermissionPolicy,
  type DangerLevel,
  type ToolCallingSubject,
  type ToolCallingWorkload,
} from './_suite-exports';

export interface MemorySubjectOptions {
  /** Leave out these operations (a framework without them). */
  without?: Array<'checkPermission' | 'requestApproval' | 'callTool'>;
  /** checkPermission answers allow to everything (a broken rules translation). */
  allowsEverything?: boolean;
  /** requestApproval ignores the approver and approves. */
  ignoresApprover?: boolean;
  /** checkPermission returns a promise. */
  asyncCheck?: boolean;
}

/**
 * A small in-memory subject: a real implementation of the interface (files in a Map, audit in an array, the
 * agent's PermissionPolicy for decisions), with optional faults. Counts calls.
 */
export function createMemorySubject(options: MemorySubjectOptions = {}) {
  const calls = { prepare: 0, check: 0, approval: 0, tool: 0, close: 0 };
  const files = new Map<string, string>();
  const audit: unknown[] = [];
  let policy: ReturnType<typeof createPermissionPolicy> | undefined;
  const subject: ToolCallingSubject = {
    name: 'memory subject',
    prepare(workload: ToolCallingWorkload) {
      calls.prepare++;
      const tools = new Map<string, { danger: DangerLevel; cost?: number }>(
        workload.tools.map((t) => [t.name, t]),
      );
      policy = createPermissionPolicy({ rules: workload.rules, tools, baseDir: workload.sandboxRoot });
      for (const [session, usage] of Object.entries(workload.usage)) {
        for (const [tool, n] of Object.entries(usage.callsByTool))
          policy.usage.record(session, tool, { calls: n });
      }
    },
    checkPermission(call) {
      calls.check++;
      const verdict = options.allowsEverything
        ? { effect: 'allow' as const }
        : { effect: policy!.check({ tool: call.tool, args: call.args }, call).effect };
      return options.asyncCheck ? Promise.resolve(verdict) : verdict;
    },
    async requestApproval(call, approver) {
      calls.approval++;
      const answer = options.ignoresApprover ? { approved: true, reason: 'ignored' } : approver(call);
      audit.push({ call, answer });
      return { approved: answer.approved };
    },
    async callTool(call) {
      calls.tool++;
      const { path, content } = call.args as { path: string; content?: string };
      if (call.tool === 'fs_write') {
        files.set(path, content ?? '');
        return { ok: true, result: { bytes: (content ?? '').length } };
      }
      return files.has(path) ? { ok: true, result: files.get(path) } : { ok: false, error: 'not found' };
    },
    auditFacts: () => ({ durability: 'memory', recordsWritten: audit.length }),
    close() {
      calls.close++;
    },
  };
  for (const name of options.without ?? []) delete subject[name];
  return { subject, calls, audit };
}
