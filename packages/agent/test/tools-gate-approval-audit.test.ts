import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createProgrammaticApprover, JsonlAuditLog, readAuditLog, ToolGate } from '../src/index';
import { buildGate } from './_tools-gate-fixture';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

it('registry -> validation -> policy -> approval -> execute, every decision audited with who/what/when/why', async () => {
  const approver = createProgrammaticApprover(
    (request) => ({
      approved: (request.args as { ok?: boolean }).ok === true,
      reason: 'checked the flag',
      by: 'ci-bot',
    }),
    { name: 'flag-checker' },
  );
  const { gate, auditPath, root, sent, policy } = await buildGate(await tempDir(), approver);
  const session = { sessionId: 's1' };

  const written = await gate.call(
    { tool: 'fs_write', arguments: { path: 'out/a.txt', content: 'hello' } },
    session,
  );
  expect(written.result).toEqual({ path: 'out/a.txt', bytes: 5 });
  const read = await gate.call({ tool: 'fs_read', arguments: { path: 'out/a.txt' } }, session);
  expect(read.result).toEqual({ path: 'out/a.txt', content: 'hello', bytes: 5 });

  const approved = await gate.call({ tool: 'send_report', arguments: { to: 'boss', ok: true } }, session);
  expect(approved.result).toBe('sent');
  const refused = await gate.call({ tool: 'send_report', arguments: { to: 'boss', ok: false } }, session);
  expect(refused.error).toEqual({
    code: 'TOOL_DENIED',
    message: 'denied by policy: not approved by ci-bot: checked the flag',
  });
  const outside = await gate.call(
    { tool: 'fs_write', arguments: { path: '../escape.txt', content: 'x' } },
    session,
  );
  expect(outside.error?.code).toBe('TOOL_DENIED');
  expect(outside.error?.message).toBe('denied by policy: deny by rule "fs-outside"');
  // Arguments failing the schema never reach the policy or the tool; unknown tools neither.
  const invalid = await gate.call({ tool: 'fs_write', arguments: { path: 'out/b.txt' } }, session);
  expect(invalid.error).toEqual({
    code: 'TOOL_INVALID_ARGUMENTS',
    message: "invalid arguments: arguments must have required property 'content'",
  });
  const tooBig = await gate.call(
    { tool: 'fs_write', arguments: { path: 'out/b.txt', content: 'x'.repeat(1024 * 1024 + 1) } },
    session,
  );
  expect(tooBig.error?.code).toBe('TOOL_INVALID_ARGUMENTS');
  expect((await gate.call({ tool: 'rm_rf', arguments: {} }, session)).error?.code).toBe('TOOL_UNKNOWN');

  expect(sent).toEqual([{ to: 'boss', ok: true }]); // the denied one never ran
  await expect(readFile(join(root, 'out', 'b.txt'))).rejects.toThrow(/ENOENT/);
  await expect(readFile(join(root, '..', 'escape.txt'))).rejects.toThrow(/ENOENT/);
  // Allowed calls are charged to the session: 1 approved send_report of cost 1.
  expect(policy.usage.calls('s1', 'send_report')).toBe(1);
  expect(policy.usage.cost('s1')).toBe(1);

  await gate.audit.close?.();
  const { records, corruptLines } = await readAuditLog(auditPath);
  expect(corruptLines).toEqual([]);
  expect(records.map((r) => [r.seq, r.tool, r.effect, r.outcome, r.rule, r.decidedBy])).toEqual([
    [1, 'fs_write', 'allow', 'allowed', 'fs-write-out', 'policy'],
    [2, 'fs_read', 'allow', 'allowed', 'fs-read', 'policy'],
    [3, 'send_report', 'ask', 'allowed', 'ask-high', 'approver:ci-bot'],
    [4, 'send_report', 'ask', 'denied', 'ask-high', 'approver:ci-bot'],
    [5, 'fs_write', 'deny', 'denied', 'fs-outside', 'policy'],
  ]);
  for (const record of records) {
    expect(record.sessionId).toBe('s1');
    expect(Date.parse(record.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(record.reason.length).toBeGreaterThan(0);
  }
  expect(records[2]).toMatchObject({
    args: { to: 'boss', ok: true },
    danger: 'high',
    reason: 'checked the flag',
    requestId: expect.stringMatching(/^apr_/),
    waitedMs: expect.any(Number),
  });
  expect(records[4]?.args).toEqual({ path: '../escape.txt', content: 'x' });
});

it('without an approver an ask is denied, and audited', async () => {
  const { gate, auditPath, sent } = await buildGate(await tempDir());
  const outcome = await gate.call({ tool: 'send_report', arguments: { to: 'x' } }, { sessionId: 's' });
  expect(outcome.error?.message).toBe(
    'denied by policy: high-danger tools need a person; needs approval but the gate has no approver',
  );
  expect(sent).toEqual([]);
  await gate.audit.close?.();
  expect((await readAuditLog(auditPath)).records.map((r) => [r.effect, r.outcome])).toEqual([
    ['ask', 'denied'],
  ]);
});

it('fails closed: when the audit cannot be written, nothing runs', async () => {
  const dir = await tempDir();
  const { registry, policy, root, sent } = await buildGate(dir);
  // The audit "file" is a directory: every append fails.
  const audit = new JsonlAuditLog({ path: root });
  const gate = new ToolGate({ registry, policy, audit, approver: createProgrammaticApprover(true) });
  const write = await gate.call({ tool: 'fs_write', arguments: { path: 'out/c.txt', content: 'c' } });
  expect(write.error?.code).toBe('TOOL_DENIED');
  expect(write.error?.message).toMatch(
    /the decision could not be audited \(Audit log .* could not be written/,
  );
  const ask = await gate.call({ tool: 'send_report', arguments: { to: 'x' } });
  expect(ask.error?.code).toBe('TOOL_DENIED');
  expect(sent).toEqual([]);
  await expect(readFile(join(root, 'out', 'c.txt'))).rejects.toThrow(/ENOENT/);
});
