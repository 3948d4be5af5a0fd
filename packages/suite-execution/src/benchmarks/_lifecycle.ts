import type { BenchmarkContext } from '@kaizen-bench/harness';
import { median } from '@kaizen-bench/stats';
import type { ResolvedExecutionSuiteOptions } from '../options';
import type { ExecutionModelInfo, ExecutionSubject, ExecutionWorkload } from '../subject';

/** The subject a benchmark holds between setup and teardown. */
export interface Held {
  subject: ExecutionSubject;
  /** Made by a factory here, so closed here. */
  owned: boolean;
  model: ExecutionModelInfo;
}

/** Why a result is unrated when the model is not the one the targets were set for. */
export function unratedReason(model: ExecutionModelInfo): string {
  return (
    `the targets assume llama3.2:1b (Ollama or its GGUF); this ran on ${model.model} (${model.engine}), ` +
    'so only the overhead over the raw call applies'
  );
}

/** Gets the subject from the suite's source (untimed); not prepared yet. */
export async function obtain(
  ctx: BenchmarkContext,
  options: ResolvedExecutionSuiteOptions,
): Promise<Omit<Held, 'model'>> {
  const source = options.subject;
  const owned = typeof source === 'function';
  const subject = owned ? await source() : source;
  ctx.metadata['subject'] = subject.name;
  return { subject, owned };
}

/**
 * Prepares the subject for the workload (untimed): the model's facts into metadata, its choice line to the
 * suite's notice, and `unrated` when the targets do not apply.
 */
export async function prepare(
  ctx: BenchmarkContext,
  options: ResolvedExecutionSuiteOptions,
  held: Omit<Held, 'model'>,
  workload: ExecutionWorkload,
): Promise<Held> {
  const model = await held.subject.prepare(workload);
  const { maxTokens, temperature, seed } = workload.generation;
  Object.assign(ctx.metadata, {
    engine: model.engine,
    model: model.model,
    targets_apply: model.targetsApply,
    generation: { max_tokens: maxTokens, temperature, seed },
  });
  if (model.choice) {
    ctx.metadata['llm_choice'] = model.choice;
    options.notice(`execution: ${model.choice}`);
  }
  if (!model.targetsApply) ctx.markUnrated(unratedReason(model));
  return { ...held, model };
}

/** Teardown: the subject's facts into metadata, then close it if this benchmark made it. */
export async function release(ctx: BenchmarkContext, held: Omit<Held, 'model'> | undefined): Promise<void> {
  if (!held) return;
  try {
    if (held.subject.describe) ctx.metadata['subject_facts'] = await held.subject.describe();
  } finally {
    if (held.owned) await held.subject.close?.();
  }
}

/** Median of recorded values, rounded to µs; null when none were recorded. */
export function medianOf(values: readonly number[]): number | null {
  return values.length > 0 ? Math.round(median(values) * 1000) / 1000 : null;
}
