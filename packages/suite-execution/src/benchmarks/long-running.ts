import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedExecutionSuiteOptions } from '../options';
import type { ExecutionSubject, TaskRun } from '../subject';
import { LONG_TASK, TASK_STEP_GENERATION } from '../workloads';
import { createReplayedBenchmark } from './_replayed';

/** Untimed: the sample did every step, saved one checkpoint per step, all of them exist, the last one loads. */
async function verifyTask(run: TaskRun, subject: ExecutionSubject, sessionId: string): Promise<void> {
  const steps = LONG_TASK.steps;
  const ids = run.checkpointIds;
  if (run.steps !== steps) throw new Error(`long-running check: the task did ${run.steps} of ${steps} steps`);
  if (ids.length !== steps || new Set(ids).size !== steps) {
    throw new Error(
      `long-running check: ${new Set(ids).size} distinct checkpoints for ${steps} steps, want one per step`,
    );
  }
  const stored = new Set(await subject.listCheckpoints!(sessionId));
  const absent = ids.filter((id) => !stored.has(id));
  if (absent.length > 0) {
    throw new Error(
      `long-running check: checkpoints ${absent.join(', ')} are not in the store after the task`,
    );
  }
  const last = await subject.loadCheckpoint!(sessionId, ids.at(-1)!);
  if (last.step !== steps) {
    throw new Error(`long-running check: the last checkpoint loads with step ${last.step}, want ${steps}`);
  }
}

/** Long-Running: a 5-step task, one durable checkpoint after each step (DESIGN §9). */
export function createLongRunningBenchmark(options: ResolvedExecutionSuiteOptions): BenchmarkDefinition {
  const { maxTokens, temperature, seed } = TASK_STEP_GENERATION;
  const { steps } = LONG_TASK;
  return createReplayedBenchmark<TaskRun>(
    {
      id: 'long_running',
      name: 'Long-Running',
      description:
        `subject.runTask of a ${steps}-step task (review a ${steps}-section release note) in a fresh session: ` +
        `each step is one model call in JSON mode choosing the next action among 3 deterministic tools (at ` +
        `most ${maxTokens} tokens out, temperature ${temperature}, seed ${seed}), that tool, then a durable ` +
        `checkpoint save; the step count comes from the task, not the model. For the reference agent: ${steps} ` +
        "agent.run calls (toolChoice 'required', one model call each) and CheckpointStore.save (fsync) after " +
        `each. Untimed after every sample: ${steps} checkpoints exist and the last one loads with step ${steps}.`,
      target: { excellentMs: 2000, targetMs: 3000 },
      iterations: 15,
      warmup: 2,
      timeBudgetMs: 60_000,
      workload: { kind: 'long_running', generation: { ...TASK_STEP_GENERATION }, task: LONG_TASK },
      floorDescription:
        `${steps} subject.rawCall calls, one after the other: the provider's chat with exactly the messages ` +
        "and options (JSON schema included) of each step of the agent's latest task (captured untimed); no " +
        'tools, no memory, no checkpoints.',
      unsupported: (subject) =>
        !subject.runTask || !subject.listCheckpoints || !subject.loadCheckpoint
          ? `subject ${subject.name} has no runTask/listCheckpoints/loadCheckpoint (a step-wise task with durable checkpoints)`
          : undefined,
      sample: (subject, sessionId, signal) => subject.runTask!(LONG_TASK, { sessionId, signal }),
      verify: verifyTask,
      facts: (run) => ({
        steps: run.steps,
        tool_calls_per_sample: run.toolCalls,
        checkpoints_per_sample: run.checkpointIds.length,
        last_checkpoint_loaded: true,
      }),
    },
    options,
  );
}
