import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createAgent, createProgrammaticApprover, readAuditLog } from '../src/index';
import { buildGate } from './_tools-gate-fixture';
import { finalReply, ScriptedProvider, toolCallReply } from './_scripted-provider';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

it('the agent loop goes registry -> validation -> policy -> approval -> execute through the gate', async () => {
  const approvals: string[] = [];
  const approver = createProgrammaticApprover((request) => {
    approvals.push(request.tool);
    return { approved: true, by: 'reviewer' };
  });
  const { gate, registry, auditPath, root, sent } = await buildGate(await tempDir(), approver);
  const provider = new ScriptedProvider([
    toolCallReply('fs_write', { path: 'out/plan.md', content: '# plan' }), // allowed by rule
    toolCallReply('fs_write', { path: 'out/x.md' }), // invalid: no content
    toolCallReply('fs_write', { path: '../../escape.md', content: 'x' }), // denied by rule
    toolCallReply('send_report', { to: 'team' }), // ask -> approved
    toolCallReply('fs_read', { path: 'out/plan.md' }),
    finalReply('done'),
  ]);
  const agent = createAgent({
    name: 'gated',
    llm: provider,
    tools: registry.list(),
    policy: gate,
    budget: { maxSteps: 10 },
  });
  const result = await agent.run('Write the plan and send it.', { sessionId: 'run-1' });
  await agent.close();

  expect(result.stopReason).toBe('final');
  expect(result.toolCalls.map((c) => [c.tool, c.error?.code ?? 'ok'])).toEqual([
    ['fs_write', 'ok'],
    ['fs_write', 'TOOL_INVALID_ARGUMENTS'],
    ['fs_write', 'TOOL_DENIED'],
    ['send_report', 'ok'],
    ['fs_read', 'ok'],
  ]);
  expect(result.toolCalls[4]?.result).toEqual({ path: 'out/plan.md', content: '# plan', bytes: 6 });
  expect(await readFile(join(root, 'out', 'plan.md'), 'utf8')).toBe('# plan');
  expect(approvals).toEqual(['send_report']);
  expect(sent).toEqual([{ to: 'team' }]);
  // The model was told why the escape was denied.
  expect(provider.calls[3]?.messages.at(-1)?.content).toBe(
    'Tool fs_write error: denied by policy: deny by rule "fs-outside"',
  );

  await gate.audit.close?.();
  const { records } = await readAuditLog(auditPath);
  // The invalid call never reached the policy, so it has no decision record.
  expect(records.map((r) => [r.tool, r.outcome, r.decidedBy, r.sessionId])).toEqual([
    ['fs_write', 'allowed', 'policy', 'run-1'],
    ['fs_write', 'denied', 'policy', 'run-1'],
    ['send_report', 'allowed', 'approver:reviewer', 'run-1'],
    ['fs_read', 'allowed', 'policy', 'run-1'],
  ]);
});

it('aborting a run while an approver decides stops the run; the request is audited as denied', async () => {
  const approver = {
    name: 'never',
    decide: (_: unknown, { signal }: { signal: AbortSignal }) =>
      new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
  };
  const { gate, registry, auditPath, sent } = await buildGate(await tempDir(), approver);
  const provider = new ScriptedProvider([toolCallReply('send_report', { to: 'x' }), finalReply('never')]);
  const agent = createAgent({ name: 'abort', llm: provider, tools: registry.list(), policy: gate });
  const controller = new AbortController();
  const run = agent.run('Send it.', { signal: controller.signal });
  setTimeout(() => controller.abort(new Error('stop')), 30);
  await expect(run).rejects.toMatchObject({ code: 'AGENT_ABORTED' });
  await agent.close();
  expect(sent).toEqual([]);
  // The run rejects at once; the denial's audit record is written just after: wait for it.
  let records = (await readAuditLog(auditPath)).records;
  for (let i = 0; i < 500 && records.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    records = (await readAuditLog(auditPath)).records;
  }
  await gate.audit.close?.();
  expect(records.map((r) => [r.tool, r.outcome, r.reason])).toEqual([
    ['send_report', 'denied', 'aborted before a decision'],
  ]);
});
