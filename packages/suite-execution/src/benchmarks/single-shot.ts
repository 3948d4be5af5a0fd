import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedExecutionSuiteOptions } from '../options';
import { EXECUTION_GENERATION, SINGLE_SHOT_QUESTION } from '../workloads';
import { createReplayedBenchmark } from './_replayed';

/** Single-Shot: one agent run of one short question, against the raw model call it made (DESIGN §9). */
export function createSingleShotBenchmark(options: ResolvedExecutionSuiteOptions): BenchmarkDefinition {
  const { maxTokens, temperature, seed } = EXECUTION_GENERATION;
  return createReplayedBenchmark(
    {
      id: 'single_shot',
      name: 'Single-Shot',
      description:
        `subject.run of one short question in a fresh session (at most ${maxTokens} tokens out, temperature ` +
        `${temperature}, seed ${seed}); the agent is built and the model loaded untimed in setup. For the ` +
        'reference agent: read the (empty) session from memory, build the prompt, provider.chat, record both ' +
        'turns in memory.',
      target: { excellentMs: 200, targetMs: 500 },
      iterations: 40,
      warmup: 3,
      timeBudgetMs: 30_000,
      workload: { kind: 'single_shot', generation: { ...EXECUTION_GENERATION } },
      floorDescription:
        "subject.rawCall: the provider's chat with exactly the messages and options the agent sent in its " +
        'latest run (captured untimed), nothing else.',
      sample: (subject, sessionId, signal) => subject.run(SINGLE_SHOT_QUESTION, { sessionId, signal }),
    },
    options,
  );
}
