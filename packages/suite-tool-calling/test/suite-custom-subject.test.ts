import type { FailedBenchmarkResult, OkBenchmarkResult, SkippedBenchmarkResult } from '@kaizen-bench/harness';
import { runSuite } from '@kaizen-bench/harness';
import { expect, test } from 'vitest';
import { createToolCallingSuite } from '../src/index';
import { createMemorySubject } from './_memory-subject';

test('a custom subject is what is timed; one fresh subject per benchmark, each closed once', async () => {
  const made: Array<ReturnType<typeof createMemorySubject>> = [];
  const suite = createToolCallingSuite({
    subject: () => {
      const m = createMemorySubject();
      made.push(m);
      return m.subject;
    },
  });
  expect(suite.metadata?.['subject']).toBe('custom (factory)');
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  expect(result.benchmark_results.map((r) => `${r.id}:${r.status}`)).toEqual([
    'permission_check:ok',
    'approval_workflow:ok',
    'tool_execution:ok',
  ]);
  expect(made.map((m) => [m.calls.prepare, m.calls.close])).toEqual([
    [1, 1],
    [1, 1],
    [1, 1],
  ]);
  const [, approval, execution] = result.benchmark_results as OkBenchmarkResult[];
  expect(approval?.metadata).toMatchObject({ subject: 'memory subject', audit_durability: 'memory' });
  expect(approval?.metadata['audit_records_written']).toBe(made[1]?.calls.approval);
  expect(made[2]?.calls.tool).toBeGreaterThan(2 * (execution?.iterations ?? 0));
});

test('a subject without an operation has that benchmark skipped with the reason', async () => {
  const suite = createToolCallingSuite({
    subject: () => createMemorySubject({ without: ['checkPermission', 'callTool'] }).subject,
  });
  const result = await runSuite(suite, { profile: 'quick', monitor: false });
  expect(result.benchmark_results.map((r) => r.status)).toEqual(['skipped', 'ok', 'skipped']);
  expect((result.benchmark_results[0] as SkippedBenchmarkResult).reason).toBe(
    'subject memory subject has no checkPermission(): it has no permission policy',
  );
  expect((result.benchmark_results[2] as SkippedBenchmarkResult).reason).toMatch(/no callTool\(\)/);
});

test('wrong permission decisions or an ignored approver fail the benchmark instead of being timed', async () => {
  const result = await runSuite(
    createToolCallingSuite({
      subject: () => createMemorySubject({ allowsEverything: true, ignoresApprover: true }).subject,
    }),
    { profile: 'quick', monitor: false },
  );
  const [permission, approval] = result.benchmark_results as FailedBenchmarkResult[];
  expect(permission?.status).toBe('failed');
  expect(permission?.reason).toMatch(/the subject decided fs_write .*got allow .*expected ask/);
  expect(approval?.status).toBe('failed');
  // The approval call is "allow" for this subject's broken rules, so setup refuses to time it.
  expect(approval?.reason).toMatch(/answers the approval call with allow, not ask/);
});

test('an approver the subject ignores fails Approval Workflow', async () => {
  const result = await runSuite(
    createToolCallingSuite({ subject: () => createMemorySubject({ ignoresApprover: true }).subject }),
    { profile: 'quick', monitor: false },
  );
  const approval = result.benchmark_results[1] as FailedBenchmarkResult;
  expect(approval.status).toBe('failed');
  expect(approval.reason).toMatch(/request 3 returned approved=true, the approver said false/);
});

test('an asynchronous permission check is timed per call (it cannot be batched)', async () => {
  const suite = createToolCallingSuite({ subject: () => createMemorySubject({ asyncCheck: true }).subject });
  suite.benchmarks = suite.benchmarks.slice(0, 1);
  const [permission] = (await runSuite(suite, { profile: 'quick', monitor: false }))
    .benchmark_results as OkBenchmarkResult[];
  expect(permission?.status).toBe('ok');
  expect(permission?.timing.mode).toBe('per_call');
});

test('bad options are rejected when the suite is created', () => {
  expect(() => createToolCallingSuite({ fileBytes: 0 })).toThrow(/fileBytes must be an integer >= 1/);
  expect(() => createToolCallingSuite({ toolTimeoutMs: 1.5 })).toThrow(/toolTimeoutMs/);
});
