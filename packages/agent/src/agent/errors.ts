/** Base class of the agent runtime's errors: each failure kind has a stable `code`. */
export class AgentError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * `createAgent` was given a config it cannot work with. `field` names the bad field (e.g. `tools[1].name`;
 * empty for the config itself); the one-line message says what is wrong and how to fix it.
 */
export class AgentConfigError extends AgentError {
  constructor(
    readonly field: string,
    problem: string,
    fix: string,
    options?: { cause?: unknown },
  ) {
    super('AGENT_INVALID_CONFIG', `Agent config ${field ? `${field} ` : ''}${problem} — ${fix}`, options);
  }
}

/**
 * A run was aborted through its `AbortSignal`; `cause` is the signal's reason. `name` is `AbortError`, like DOM
 * aborts and `LlmAbortError`, so generic `err.name === 'AbortError'` checks work.
 */
export class AgentAbortError extends AgentError {
  constructor(options?: { cause?: unknown }) {
    super('AGENT_ABORTED', 'The agent run was aborted', options);
    this.name = 'AbortError';
  }
}

/** The agent was used after (or closed during) `close()`. */
export class AgentClosedError extends AgentError {
  constructor() {
    super('AGENT_CLOSED', 'The agent is closed — create a new one with createAgent()');
  }
}
