import type { ExecutionGeneration, LongTask, TaskTool } from './subject';

/** Generation settings of every model call of the suite: at most 50 tokens out, greedy, seed 42. */
export const EXECUTION_GENERATION: Readonly<ExecutionGeneration> = Object.freeze({
  maxTokens: 50,
  temperature: 0,
  seed: 42,
});

/**
 * Generation settings of each Long-Running step: as {@link EXECUTION_GENERATION} with room for a JSON tool
 * call with arguments (96 tokens; the tiny model pads JSON with whitespace and needs ~70 on some steps).
 */
export const TASK_STEP_GENERATION: Readonly<ExecutionGeneration> = Object.freeze({
  ...EXECUTION_GENERATION,
  maxTokens: 96,
});

/** The Single-Shot question. */
export const SINGLE_SHOT_QUESTION = 'What is the capital of France? Answer in one word.';

/** The Multi-Turn conversation: turn 3 can only be answered from turns 1 and 2. */
export const MULTI_TURN_INPUTS: readonly string[] = Object.freeze([
  'My name is Ada and I am planning a trip to Lisbon. Please remember that.',
  'Which city am I travelling to?',
  'What is my name, and which city did I mention?',
]);

/** The five sections of the release note the Long-Running task reviews. */
const SECTIONS: readonly string[] = [
  'Highlights: checkpoints are now written durably with a checksum and a retention limit.',
  'Breaking changes: the memory option now takes a factory, called on first use.',
  'Fixes: an aborted run no longer records its turn in the conversation memory.',
  'Performance: importing the runtime no longer loads the model client or the validator.',
  'Upgrade notes: rebuild saved checkpoints with schema version 1 before upgrading.',
];

const sectionAt = (step: number): string => SECTIONS[(step - 1) % SECTIONS.length] ?? '';
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
// Permissive on purpose: the result depends on the step only, so any object the model writes is accepted.
const ANY_ARGUMENTS = { type: 'object' };

const TASK_TOOLS: readonly TaskTool[] = Object.freeze([
  {
    name: 'read_section',
    description: 'Returns the text of the current section of the release note. No arguments needed: {}.',
    parameters: ANY_ARGUMENTS,
    run: (step: number) => ({ section: step, text: sectionAt(step) }),
  },
  {
    name: 'count_words',
    description: 'Counts the words of the current section. No arguments needed: {}.',
    parameters: ANY_ARGUMENTS,
    run: (step: number) => ({ section: step, words: words(sectionAt(step)).length }),
  },
  {
    name: 'write_note',
    description: 'Writes a review note for the current section. No arguments needed: {}.',
    parameters: ANY_ARGUMENTS,
    run: (step: number) => ({ section: step, note: `${words(sectionAt(step)).slice(0, 6).join(' ')} ...` }),
  },
]);

/**
 * The Long-Running task: review a 5-section release note, one section per step. Each step is one model call
 * choosing the next action (one of three deterministic tools) in JSON mode, then that tool, then a durable
 * checkpoint. The step count comes from the task, not from the model.
 */
export const LONG_TASK: LongTask = Object.freeze({
  steps: 5,
  instructions:
    'You review a release note with 5 sections, one section per step. At each step call exactly one tool: ' +
    'read_section, count_words or write_note.',
  stepInput(step: number, previous: { tool: string; result: unknown } | undefined): string {
    const before = previous
      ? ` Previous action: ${previous.tool} -> ${JSON.stringify(previous.result)}.`
      : '';
    return `Step ${step} of 5 (section ${step}).${before} Choose the next action.`;
  },
  tools: TASK_TOOLS,
});
