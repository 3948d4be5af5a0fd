import type { Interface } from 'node:readline/promises';
import type { Approver, ApprovalRequest, ApprovalVerdict } from './approval';

/** Options of {@link createPromptApprover}. */
export interface PromptApproverOptions {
  /** Where answers are read, one line each. @default process.stdin */
  input?: NodeJS.ReadableStream;
  /** Where questions are written. @default process.stderr */
  output?: NodeJS.WritableStream;
  /** Who answers, for audit records. @default process.env.USER, else 'stdin' */
  user?: string;
  /** @default 'prompt' */
  name?: string;
  /** Characters of the arguments' JSON shown in the question. @default 300 */
  maxArgsChars?: number;
}

/** An {@link Approver} that asks a person; `close()` releases the input stream. */
export interface PromptApprover extends Approver {
  close(): void;
}

function describe(request: ApprovalRequest, maxArgsChars: number): string {
  let args = JSON.stringify(request.args) ?? 'undefined';
  if (args.length > maxArgsChars) args = `${args.slice(0, maxArgsChars)}...`;
  const rule = request.rule ? `rule ${request.rule}: ` : '';
  return (
    `Approve ${request.tool} ${args}\n  (danger ${request.danger ?? 'unknown'}, session ${request.sessionId}, ` +
    `${rule}${request.reason})? [y/N] `
  );
}

/**
 * An approver for people: writes the request to `output` and reads a `y`/`yes` (approve) or anything else
 * (deny) from `input`, one request at a time. End of input denies. Aborting the request (run aborted,
 * approval timed out) stops waiting for the answer.
 */
export function createPromptApprover(options: PromptApproverOptions = {}): PromptApprover {
  const user = options.user ?? process.env.USER ?? 'stdin';
  const maxArgsChars = options.maxArgsChars ?? 300;
  let rl: Interface | undefined;
  let closed: Promise<void> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const open = async (): Promise<{ rl: Interface; closed: Promise<void> }> => {
    if (!rl) {
      const { createInterface } = await import('node:readline/promises');
      rl = createInterface({
        input: options.input ?? process.stdin,
        output: options.output ?? process.stderr,
        terminal: false,
      });
      const current = rl;
      closed = new Promise((resolve) => current.once('close', () => resolve()));
    }
    return { rl, closed: closed! };
  };

  const ask = async (request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalVerdict> => {
    signal.throwIfAborted();
    const { rl: prompt, closed: ended } = await open();
    const answer = await Promise.race([
      prompt.question(describe(request, maxArgsChars), { signal }),
      ended.then(() => undefined),
    ]);
    if (answer === undefined) return { approved: false, reason: 'no answer: input closed', by: user };
    const approved = /^\s*y(es)?\s*$/i.test(answer);
    return {
      approved,
      reason: approved ? 'approved at the prompt' : `answered ${JSON.stringify(answer)}`,
      by: user,
    };
  };

  return {
    name: options.name ?? 'prompt',
    decide(request, { signal }) {
      const turn = queue.then(() => ask(request, signal));
      queue = turn.catch(() => {});
      return turn;
    },
    close() {
      rl?.close();
    },
  };
}
