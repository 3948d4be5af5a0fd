import { AgentError } from '../agent/errors';

/** A tool could not be registered: `field` names the bad field (e.g. `danger`); the message says the fix. */
export class ToolRegistryError extends AgentError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('TOOL_REGISTRY_INVALID', message);
  }
}

/** A permission rule is malformed: `ruleIndex` is its position in `rules`; the message says the fix. */
export class PermissionRuleError extends AgentError {
  constructor(
    readonly ruleIndex: number,
    message: string,
  ) {
    super('POLICY_INVALID_RULE', message);
  }
}

/** Why the sandbox refused a path or a file (a stable value of {@link SandboxError.reason}). */
export type SandboxRejection =
  | 'not_a_string'
  | 'empty'
  | 'nul_byte'
  | 'too_long'
  | 'absolute'
  | 'backslash'
  | 'encoded'
  | 'dot_segment'
  | 'empty_segment'
  | 'invalid_character'
  | 'segment_too_long'
  | 'symlink'
  | 'not_a_directory'
  | 'missing_parent'
  | 'not_found'
  | 'not_a_file'
  | 'hard_link'
  | 'outside_root'
  | 'too_large';

/**
 * The sandbox refused a path or a file: nothing was read or written. `reason` says which check failed;
 * the one-line message names the path and how to fix the call.
 */
export class SandboxError extends AgentError {
  constructor(
    readonly reason: SandboxRejection,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('SANDBOX_REJECTED', message, options);
  }
}

/** The sandbox cannot be used as configured (root missing, not a directory, unsupported platform). */
export class SandboxConfigError extends AgentError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SANDBOX_INVALID_CONFIG', message, options);
  }
}

/** An audit record could not be written (`AUDIT_WRITE_FAILED`) or the log is closed (`AUDIT_CLOSED`). */
export class AuditLogError extends AgentError {}

/** An expression the calculator cannot evaluate; `position` is the 0-based offset of the problem. */
export class CalculatorError extends AgentError {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super('CALC_INVALID_EXPRESSION', message);
  }
}
