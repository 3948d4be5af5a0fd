/** What a task tool's `execute` receives. */
export interface TaskToolContext {
  /** The run's signal as the framework passes it to tools: aborted on interrupt. */
  signal: AbortSignal;
  /** Charges the run's budget (the budget source); given by the subject when the run has a budget. */
  charge?: (units: number) => void;
}

/** The one tool of the task, for the subject to wire into its framework's tool definition. */
export interface TaskTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments (any object: the result does not depend on them). */
  parameters: Record<string, unknown>;
  execute(args: unknown, context: TaskToolContext): Promise<unknown>;
}

/**
 * The task every run of the suite does: fetch pages of a report, one tool call per step. The first
 * `fastSteps` calls return a page at once; the next one is the long step, a request to a loopback server
 * that never answers, in flight until the run's signal aborts it. The interrupt fires there.
 */
export interface InterruptTask {
  /** System prompt / instructions of the agent. */
  readonly instructions: string;
  /** The user input of every run. */
  readonly input: string;
  /** Tool calls that complete before the long one. */
  readonly fastSteps: number;
  readonly tool: TaskTool;
  /** The results of the `fastSteps` completed calls, in order: what an interrupt checkpoint must hold. */
  readonly completedResults: readonly unknown[];
}

/** JSON settings of a task: what a child process needs to build the same task. */
export interface InterruptTaskSpec {
  /** URL of the hold server (the long step's request). */
  holdUrl: string;
  /** @default 2 */
  fastSteps?: number;
}

/** The suite's view of one run of the task: when its long step started, and its budget charge. */
export interface TaskRunWatch {
  /** Resolves when the long step has started (its request is being made). */
  readonly longStep: Promise<void>;
  /** The run's `charge`, once the long step has started (undefined without a budget). */
  charge(units: number): void;
}

/** The default number of quick steps before the long one. */
export const DEFAULT_FAST_STEPS = 2;

const page = (n: number) => ({ page: n, rows: [`row ${2 * n - 1}`, `row ${2 * n}`], more: true });

/** An {@link InterruptTask} and the suite's handle on its runs (`beginRun()` before each, one run at a time). */
export function createInterruptTask(spec: InterruptTaskSpec): {
  task: InterruptTask;
  beginRun(): TaskRunWatch;
} {
  const fastSteps = spec.fastSteps ?? DEFAULT_FAST_STEPS;
  if (!Number.isInteger(fastSteps) || fastSteps < 0) {
    throw new RangeError(`interrupt task: fastSteps must be an integer >= 0, got ${fastSteps}`);
  }
  let calls = 0;
  let startLong: () => void = () => {};
  let longCharge: ((units: number) => void) | undefined;
  const tool: TaskTool = {
    name: 'fetch_page',
    description: 'Fetches the next page of the report. No arguments needed: {}.',
    parameters: { type: 'object' },
    async execute(_args, { signal, charge }) {
      calls++;
      charge?.(1);
      if (calls <= fastSteps) return page(calls);
      longCharge = charge;
      startLong();
      // The long step: a request nobody answers, ended only by the run's signal.
      const response = await fetch(`${spec.holdUrl}?page=${calls}`, { signal });
      return { page: calls, status: response.status };
    },
  };
  const task: InterruptTask = {
    instructions:
      'You fetch a report page by page. At each step call the fetch_page tool; never answer before the report is complete.',
    input: 'Fetch every page of the quarterly report.',
    fastSteps,
    tool,
    completedResults: Array.from({ length: fastSteps }, (_, i) => page(i + 1)),
  };
  return {
    task,
    beginRun() {
      calls = 0;
      longCharge = undefined;
      const longStep = new Promise<void>((resolve) => {
        startLong = resolve;
      });
      return {
        longStep,
        charge(units) {
          if (!longCharge) throw new Error('interrupt task: this run has no budget to charge');
          longCharge(units);
        },
      };
    },
  };
}
