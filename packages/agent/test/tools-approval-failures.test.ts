import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ApprovalWorkflow, type Approver, JsonlAuditLog, readAuditLog } from '../src/index';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

const call = {
  sessionId: 's',
  tool: 'send_report',
  args: { to: 'x' },
  danger: 'high' as const,
  rule: 'ask-high',
  reason: 'needs a person',
};

it('an approver that hangs, throws or answers nonsense denies, and each denial is audited', async () => {
  const path = join(await tempDir(), 'audit.jsonl');
  const audit = new JsonlAuditLog({ path });
  const approvers: Approver[] = [
    { name: 'hangs', decide: () => new Promise(() => {}) },
    {
      name: 'throws',
      decide: () => {
        throw new Error('database down');
      },
    },
    { name: 'nonsense', decide: () => 'yes' as never },
  ];
  const reasons: string[] = [];
  for (const approver of approvers) {
    const workflow = new ApprovalWorkflow({ approver, audit, timeoutMs: 50 });
    const outcome = await workflow.request(call);
    expect(outcome.approved).toBe(false);
    reasons.push(outcome.reason);
  }
  expect(reasons).toEqual([
    'approval timed out after 50 ms',
    'approver throws failed: database down',
    'approver nonsense gave no verdict',
  ]);
  await audit.close();
  const { records } = await readAuditLog(path);
  expect(records.map((r) => [r.outcome, r.decidedBy, r.reason])).toEqual([
    ['denied', 'approver:hangs', reasons[0]],
    ['denied', 'approver:throws', reasons[1]],
    ['denied', 'approver:nonsense', reasons[2]],
  ]);
});

it('a run aborted while the approver decides rejects with the abort reason, and the request is audited', async () => {
  const path = join(await tempDir(), 'audit.jsonl');
  const audit = new JsonlAuditLog({ path });
  let sawAbort = false;
  const approver: Approver = {
    name: 'slow',
    decide: (_request, { signal }) =>
      new Promise((_, reject) => {
        signal.addEventListener('abort', () => {
          sawAbort = true;
          reject(signal.reason);
        });
      }),
  };
  const workflow = new ApprovalWorkflow({ approver, audit });
  const controller = new AbortController();
  const pending = workflow.request(call, { signal: controller.signal });
  setTimeout(() => controller.abort(new Error('user pressed stop')), 20);
  await expect(pending).rejects.toThrow('user pressed stop');
  expect(sawAbort).toBe(true);
  await audit.close();
  const { records } = await readAuditLog(path);
  expect(records.map((r) => [r.outcome, r.reason])).toEqual([['denied', 'aborted before a decision']]);
});
