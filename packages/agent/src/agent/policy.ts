/** A tool call the model asked for, as a {@link ToolPolicy} sees it. */
export interface ToolCallRequest {
  tool: string;
  args: unknown;
}

/** A {@link ToolPolicy}'s answer; `reason` is shown to the model when the call is denied. */
export interface ToolPolicyDecision {
  allow: boolean;
  reason?: string;
}

/**
 * Decides whether a tool call may run. Checked after argument validation, before `execute`. `signal` is the
 * run's: a policy that waits (e.g. for an approver) should stop when it aborts.
 */
export interface ToolPolicy {
  check(
    call: ToolCallRequest,
    context: { sessionId: string; signal?: AbortSignal },
  ): Promise<ToolPolicyDecision> | ToolPolicyDecision;
}

/** The default {@link ToolPolicy}: every call is allowed. */
export const allowAllPolicy: ToolPolicy = {
  check: () => ({ allow: true }),
};
