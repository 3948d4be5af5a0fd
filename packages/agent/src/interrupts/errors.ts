import { AgentError } from '../agent/errors';
import { describeInterrupt, type InterruptReason } from './reason';

/**
 * The reason an interruptible run's `AbortSignal` carries: which source stopped it (`interrupt`). `name` is
 * `AbortError`, like DOM aborts, so generic `err.name === 'AbortError'` checks work where it is thrown.
 */
export class InterruptError extends AgentError {
  constructor(readonly interrupt: InterruptReason) {
    super('AGENT_INTERRUPTED', `The agent run was interrupted: ${describeInterrupt(interrupt)}`);
    this.name = 'AbortError';
  }
}

/** An interruptible run, a budget or a shutdown hook was given an option it cannot work with. */
export class InterruptOptionsError extends AgentError {
  constructor(
    readonly field: string,
    problem: string,
    fix: string,
  ) {
    super('INTERRUPT_INVALID_OPTIONS', `Interrupt option ${field} ${problem} — ${fix}`);
  }
}

/** `agent.resume()` was given a state that is not the checkpoint of an interrupted run. */
export class InterruptCheckpointError extends AgentError {
  constructor(problem: string) {
    super(
      'INTERRUPT_CHECKPOINT_INVALID',
      `Cannot resume: ${problem} — pass a checkpoint saved by an interrupted runInterruptible() or resume()`,
    );
  }
}
