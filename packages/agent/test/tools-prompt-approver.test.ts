import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { ApprovalWorkflow, createPromptApprover, JsonlAuditLog, readAuditLog } from '../src/index';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

function call(n: number) {
  return {
    sessionId: 'cli',
    tool: 'send_report',
    args: { n },
    danger: 'high' as const,
    rule: 'ask-high',
    reason: 'check',
  };
}

/** Answers each question written to `output` with the next of `answers`, like a person at a terminal. */
function person(answers: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.setEncoding('utf8').on('data', (chunk: string) => {
    transcript += chunk;
    if (chunk.includes('[y/N]')) {
      const answer = answers.shift();
      if (answer === undefined) input.end();
      else setImmediate(() => input.write(`${answer}\n`));
    }
  });
  return { input, output, transcript: () => transcript };
}

it('asks a person one request at a time: y approves, anything else denies, end of input denies', async () => {
  const { input, output, transcript } = person(['y', 'no', 'YES']);
  const approver = createPromptApprover({ input, output, user: 'alice' });
  const path = join(await tempDir(), 'audit.jsonl');
  const audit = new JsonlAuditLog({ path });
  const workflow = new ApprovalWorkflow({ approver, audit });
  // Concurrent requests are asked in turn.
  const outcomes = await Promise.all([1, 2, 3, 4].map((n) => workflow.request(call(n))));
  approver.close();
  expect(outcomes.map((o) => [o.approved, o.by, o.reason])).toEqual([
    [true, 'alice', 'approved at the prompt'],
    [false, 'alice', 'answered "no"'],
    [true, 'alice', 'approved at the prompt'],
    [false, 'alice', 'no answer: input closed'],
  ]);
  expect(transcript()).toContain(
    'Approve send_report {"n":1}\n  (danger high, session cli, rule ask-high: check)? [y/N] ',
  );
  await audit.close();
  const { records } = await readAuditLog(path);
  expect(records.map((r) => [(r.args as { n: number }).n, r.outcome, r.decidedBy])).toEqual([
    [1, 'allowed', 'approver:alice'],
    [2, 'denied', 'approver:alice'],
    [3, 'allowed', 'approver:alice'],
    [4, 'denied', 'approver:alice'],
  ]);
});

it('a request that times out at the prompt is denied and stops waiting', async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  const approver = createPromptApprover({ input, output, user: 'bob' });
  const audit = new JsonlAuditLog({ path: join(await tempDir(), 'audit.jsonl') });
  const workflow = new ApprovalWorkflow({ approver, audit, timeoutMs: 50 });
  const outcome = await workflow.request(call(1));
  expect(outcome.approved).toBe(false);
  expect(outcome.reason).toMatch(/^approval timed out/);
  approver.close();
  await audit.close();
});
