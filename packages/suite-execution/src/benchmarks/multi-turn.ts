import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedExecutionSuiteOptions } from '../options';
import type { ExecutionRun, ExecutionSubject, ModelCall } from '../subject';
import { EXECUTION_GENERATION, MULTI_TURN_INPUTS } from '../workloads';
import type { AgentSample } from './_replayed';
import { createReplayedBenchmark } from './_replayed';

/** One Multi-Turn sample: the whole conversation, turn by turn. */
interface ConversationSample extends AgentSample {
  turns: Array<{ input: string; run: ExecutionRun }>;
}

const quote = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);

/**
 * What of the earlier turns is missing from the prompt of the last turn: each earlier input and (non-empty)
 * answer must be in one of its messages. Empty when memory carried the conversation.
 */
export function missingEarlierTurns(sample: ConversationSample): string[] {
  const last = sample.turns.at(-1);
  const prompt: ModelCall['messages'] = last?.run.modelCalls[0]?.messages ?? [];
  const seen = (text: string) => prompt.some((message) => message.content.includes(text));
  const missing: string[] = [];
  sample.turns.slice(0, -1).forEach(({ input, run }, index) => {
    if (!seen(input)) missing.push(`turn ${index + 1}'s input ${quote(input)}`);
    if (run.text !== '' && !seen(run.text)) missing.push(`turn ${index + 1}'s answer ${quote(run.text)}`);
  });
  return missing;
}

async function converse(subject: ExecutionSubject, sessionId: string, signal: AbortSignal) {
  const sample: ConversationSample = {
    turns: [],
    modelCalls: [],
    usage: { promptTokens: 0, completionTokens: 0 },
    llmMs: 0,
  };
  for (const input of MULTI_TURN_INPUTS) {
    const run = await subject.run(input, { sessionId, signal });
    sample.turns.push({ input, run });
    sample.modelCalls.push(...run.modelCalls);
    sample.usage.promptTokens += run.usage.promptTokens;
    sample.usage.completionTokens += run.usage.completionTokens;
    sample.llmMs =
      run.llmMs === undefined || sample.llmMs === undefined ? undefined : sample.llmMs + run.llmMs;
  }
  return sample;
}

/** Multi-Turn: a 3-turn conversation in one session, each turn seeing the earlier ones through memory (DESIGN §9). */
export function createMultiTurnBenchmark(options: ResolvedExecutionSuiteOptions): BenchmarkDefinition {
  const { maxTokens, temperature, seed } = EXECUTION_GENERATION;
  const turns = MULTI_TURN_INPUTS.length;
  return createReplayedBenchmark<ConversationSample>(
    {
      id: 'multi_turn',
      name: 'Multi-Turn',
      description:
        `One sample is a whole ${turns}-turn conversation: ${turns} subject.run calls in one fresh session, ` +
        "each turn's prompt carrying the earlier turns from the agent's memory (at most " +
        `${maxTokens} tokens out per turn, temperature ${temperature}, seed ${seed}). Untimed after every ` +
        "sample: turn 3's prompt must hold turns 1 and 2 (inputs and answers).",
      target: { excellentMs: 400, targetMs: 800 },
      iterations: 25,
      warmup: 2,
      timeBudgetMs: 40_000,
      workload: { kind: 'multi_turn', generation: { ...EXECUTION_GENERATION } },
      floorDescription:
        `${turns} subject.rawCall calls, one after the other: the provider's chat with exactly the messages ` +
        "and options of each turn of the agent's latest conversation (captured untimed, history included), " +
        'nothing else.',
      sample: converse,
      verify(sample) {
        const missing = missingEarlierTurns(sample);
        if (missing.length > 0) {
          throw new Error(
            `memory check: turn ${turns}'s prompt lacks ${missing.join(', ')}: the subject's memory did not ` +
              'carry the conversation into the prompt (turn on conversation memory)',
          );
        }
      },
      facts: (sample) => ({ turns: sample.turns.length, memory_check: 'passed' }),
    },
    options,
  );
}
