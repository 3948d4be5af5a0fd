import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchmarkContext } from '@kaizen-bench/harness';
import type { ResolvedToolCallingSuiteOptions } from '../options';
import type { ToolCallingBenchmarkId, ToolCallingSubject, ToolCallingWorkload } from '../subject';
import { WORKLOAD_RULES, WORKLOAD_TOOLS, workloadUsage } from '../workload';

/** What a benchmark holds from `requires` to `teardown`. */
export interface Held {
  subject: ToolCallingSubject;
  /** Made by a factory here, so closed here. */
  owned: boolean;
  workload: ToolCallingWorkload;
}

/** The subject (made now if the source is a factory) and a fresh sandbox root with `bench/` and `out/`. */
export async function acquire(options: ResolvedToolCallingSuiteOptions): Promise<Held> {
  const source = options.subject;
  const owned = typeof source === 'function';
  const subject = owned ? await source() : source;
  const sandboxRoot = await mkdtemp(join(tmpdir(), 'kaizen-bench-sandbox-'));
  await mkdir(join(sandboxRoot, 'bench'));
  await mkdir(join(sandboxRoot, 'out'));
  const workload: ToolCallingWorkload = {
    tools: WORKLOAD_TOOLS.map((tool) => ({ ...tool })),
    rules: structuredClone([...WORKLOAD_RULES]),
    sandboxRoot,
    usage: workloadUsage(),
    toolTimeoutMs: options.toolTimeoutMs,
  };
  return { subject, owned, workload };
}

/**
 * `requires`: acquires the subject, and skips (releasing it) when it declares the benchmark unsupported or lacks
 * the operation the benchmark times.
 */
export async function acquireFor(
  options: ResolvedToolCallingSuiteOptions,
  id: ToolCallingBenchmarkId,
  operation: 'checkPermission' | 'requestApproval' | 'callTool',
  what: string,
  set: (held: Held) => void,
): Promise<true | string> {
  const held = await acquire(options);
  const unsupported = held.subject.unsupported?.[id];
  if (unsupported !== undefined) {
    await release(undefined, held);
    return `subject ${held.subject.name} does not offer it: ${unsupported}`;
  }
  if (typeof held.subject[operation] !== 'function') {
    await release(undefined, held);
    return `subject ${held.subject.name} has no ${operation}(): it has no ${what}`;
  }
  set(held);
  return true;
}

/** Setup shared by the three benchmarks: the subject configured for the workload (untimed). */
export async function prepare(ctx: BenchmarkContext, held: Held): Promise<void> {
  ctx.metadata['subject'] = held.subject.name;
  ctx.metadata['rules'] = held.workload.rules.length;
  await held.subject.prepare?.(held.workload);
}

/** Teardown: audit facts and the subject's own facts into metadata, close it if made here, remove the sandbox. */
export async function release(ctx: BenchmarkContext | undefined, held: Held | undefined): Promise<void> {
  if (!held) return;
  try {
    if (ctx && held.subject.auditFacts) {
      const facts = await held.subject.auditFacts();
      ctx.metadata['audit_durability'] = facts.durability;
      ctx.metadata['audit_records_written'] = facts.recordsWritten;
    }
    if (ctx && held.subject.describe) ctx.metadata['subject_facts'] = await held.subject.describe();
  } finally {
    try {
      if (held.owned) await held.subject.close?.();
    } finally {
      await rm(held.workload.sandboxRoot, { recursive: true, force: true });
    }
  }
}
