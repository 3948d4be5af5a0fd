import type { AgentState } from '@kaizen-bench/suite-checkpoints';
import { type Checkpoint, emptyCheckpoint } from '@langchain/langgraph-checkpoint';

/**
 * The agent state as a LangGraph checkpoint: one channel per top-level field (`conversation`, `memory`,
 * `budget`, ...), every channel at `version`, as a graph whose nodes wrote all of them in one step.
 */
export function toCheckpoint(state: AgentState, version: number): Checkpoint {
  const channelVersions: Record<string, number> = {};
  for (const key of Object.keys(state)) channelVersions[key] = version;
  return {
    ...emptyCheckpoint(),
    channel_values: { ...state },
    channel_versions: channelVersions,
  };
}

/** The agent state back from a loaded checkpoint's channels. */
export function fromCheckpoint(checkpoint: Checkpoint): AgentState {
  return { ...checkpoint.channel_values } as unknown as AgentState;
}
