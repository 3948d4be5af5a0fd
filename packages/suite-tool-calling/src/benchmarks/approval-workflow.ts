import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedToolCallingSuiteOptions } from '../options';
import type { SuiteApprover } from '../subject';
import { approvalCall, expectedApproval } from '../workload';
import { acquireFor, type Held, prepare, release } from './_lifecycle';

/** A JSONL line the size of one audit record of an approval, for the floor. */
function representativeRecord(): string {
  const call = approvalCall(0);
  return `${JSON.stringify({
    seq: 1,
    at: new Date(0).toISOString(),
    sessionId: call.sessionId,
    tool: call.tool,
    args: call.args,
    danger: 'high',
    effect: 'ask',
    outcome: 'allowed',
    rule: 'ask-http-write',
    reason: 'approved by the suite',
    decidedBy: 'approver:suite-approver',
    requestId: 'apr_mabc1234_1',
    waitedMs: 0.012,
  })}\n`;
}

/** Approval Workflow: request -> programmatic approver -> durable audit record -> decision (DESIGN §8). */
export function createApprovalWorkflowBenchmark(
  options: ResolvedToolCallingSuiteOptions,
): BenchmarkDefinition {
  let held: Held | undefined;
  let n = 0;
  const answered = { approved: 0, denied: 0 };
  let floorDir: string | undefined;
  let floorFile: FileHandle | undefined;
  let floorLine = '';
  const approver: SuiteApprover = (request) => {
    const approved = expectedApproval((request.args as { n: number }).n);
    answered[approved ? 'approved' : 'denied']++;
    return { approved, reason: approved ? 'approved by the suite' : 'denied by the suite (every 4th)' };
  };
  return {
    id: 'approval_workflow',
    name: 'Approval Workflow',
    description:
      'Times subject.requestApproval(call, approver) for an http_post call the rules answer with ask: the ' +
      "approval request, the suite's programmatic approver (approves 3 in 4), a durable audit record, the " +
      "decision returned (checked against the approver's answer). For the default subject: ToolGate.check = " +
      'PermissionPolicy.check + ApprovalWorkflow + one JSONL record appended and fdatasynced before returning.',
    target: { excellentMs: 1, targetMs: 2 },
    iterations: 200,
    warmup: 20,
    ioBound: true,
    requires: () =>
      acquireFor(options, 'approval_workflow', 'requestApproval', 'approval workflow', (h) => {
        held = h;
      }),
    async setup(ctx) {
      await prepare(ctx, held!);
      n = 0;
      answered.approved = 0;
      answered.denied = 0;
      const probe = await held!.subject.checkPermission?.(approvalCall(0));
      if (probe && probe.effect !== 'ask') {
        throw new Error(
          `approval_workflow: the subject answers the approval call with ${probe.effect}, not ask`,
        );
      }
    },
    baseline: {
      name: 'raw durable append',
      description:
        'One JSONL line the size of an approval audit record appended to an open file and fdatasynced, with ' +
        'plain fs calls: no policy, no approver, no serialization.',
      async setup(ctx) {
        floorDir = await mkdtemp(join(tmpdir(), 'kaizen-bench-floor-'));
        floorFile = await open(join(floorDir, 'floor.jsonl'), 'a');
        floorLine = representativeRecord();
        ctx.metadata['floor_bytes'] = Buffer.byteLength(floorLine);
      },
      async fn() {
        await floorFile!.write(floorLine);
        await floorFile!.datasync();
      },
      async teardown() {
        await floorFile?.close();
        if (floorDir) await rm(floorDir, { recursive: true, force: true });
        floorFile = undefined;
        floorDir = undefined;
      },
    },
    async fn() {
      const k = n++;
      const { approved } = await held!.subject.requestApproval!(approvalCall(k), approver);
      if (approved !== expectedApproval(k)) {
        throw new Error(
          `approval_workflow: request ${k} returned approved=${approved}, the approver said ${!approved}`,
        );
      }
    },
    async teardown(ctx) {
      ctx.metadata['approvals_requested'] = n;
      ctx.metadata['approved'] = answered.approved;
      ctx.metadata['denied'] = answered.denied;
      await release(ctx, held);
      held = undefined;
    },
  };
}
