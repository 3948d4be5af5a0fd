import type { AgentState } from '../checkpoint/state';
import { InterruptOptionsError } from './errors';
import { resumePointFromState } from './interrupt-checkpoint';
import {
  type InterruptibleAgent,
  type InterruptibleRunOptions,
  type InterruptibleRunResult,
  runInterruptibly,
} from './run-interruptible';

/**
 * Continues an interrupted run from its checkpoint: a loaded `AgentState`, the id of a checkpoint in the
 * agent's store, or (undefined) the store's newest. The run starts after the checkpoint's completed steps,
 * with its input, session, step count and token usage, and is itself interruptible.
 */
export async function resumeInterrupted(
  agent: InterruptibleAgent,
  checkpoint: AgentState | string | undefined,
  options: InterruptibleRunOptions = {},
): Promise<InterruptibleRunResult> {
  let state: AgentState;
  if (checkpoint === undefined || typeof checkpoint === 'string') {
    if (!agent.hasCheckpointDir) {
      throw new InterruptOptionsError(
        'checkpoint',
        'names a stored checkpoint but the agent has no checkpointDir',
        'pass createAgent({ checkpointDir }), or the loaded AgentState',
      );
    }
    const store = await agent.checkpoints();
    state = (await store.load(checkpoint === undefined ? {} : { id: checkpoint })).state;
  } else {
    state = checkpoint;
  }
  const point = resumePointFromState(state);
  return runInterruptibly(
    agent,
    { input: point.input, sessionId: options.sessionId ?? point.sessionId, progress: point.progress },
    options,
  );
}
