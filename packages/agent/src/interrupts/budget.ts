import { InterruptOptionsError } from './errors';

/** Options of {@link InterruptBudget}. */
export interface InterruptBudgetOptions {
  /** Most that may be spent; charging past it interrupts the runs the budget is given to. */
  limit: number;
  /**
   * What is counted. With `'tokens'` an interruptible run charges each completed step's prompt + completion
   * tokens itself; with any other unit only your code charges (tools, cost meters).
   * @default 'tokens'
   */
  unit?: string;
}

/** What an exceeded budget tells its listeners. */
export interface BudgetExceeded {
  unit: string;
  limit: number;
  spent: number;
  /** `process.hrtime.bigint()` of the charge that went past the limit. */
  firedAt: bigint;
}

/**
 * A hard spending limit shared by whoever spends: `charge(amount)` from tools or cost meters (and, for
 * tokens, the run itself). The charge that goes past `limit` interrupts every interruptible run given this
 * budget, inside the step in progress — unlike `budget.maxTokens` of the agent config, a soft stop checked
 * between steps.
 * @example
 * const budget = new InterruptBudget({ limit: 0.5, unit: 'usd' });
 * const tool = defineTool({ ..., execute: async (args) => { budget.charge(0.01); ... } });
 * const out = await agent.runInterruptible('Summarize the repo', { budget });
 */
export class InterruptBudget {
  readonly limit: number;
  readonly unit: string;
  private used = 0;
  private exceededAt: BudgetExceeded | undefined;
  private readonly listeners = new Set<(info: BudgetExceeded) => void>();

  constructor(options: InterruptBudgetOptions) {
    const { limit, unit = 'tokens' } = options ?? ({} as InterruptBudgetOptions);
    if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0) {
      throw new InterruptOptionsError(
        'budget.limit',
        `must be a finite number >= 0, got ${String(limit)}`,
        'pass e.g. { limit: 1000 }',
      );
    }
    if (typeof unit !== 'string' || unit.length === 0) {
      throw new InterruptOptionsError(
        'budget.unit',
        'must be a non-empty string',
        "pass e.g. 'tokens' or 'usd'",
      );
    }
    this.limit = limit;
    this.unit = unit;
  }

  /** Spent so far. */
  get spent(): number {
    return this.used;
  }

  /** What is left before the limit (0 once exceeded). */
  get remaining(): number {
    return Math.max(0, this.limit - this.used);
  }

  /** Whether a charge went past the limit. */
  get exceeded(): boolean {
    return this.exceededAt !== undefined;
  }

  /**
   * Adds `amount` (>= 0) to what is spent. The charge that goes past the limit interrupts the runs using this
   * budget, synchronously, before this call returns.
   * @returns whether the budget still holds (false once exceeded)
   */
  charge(amount: number): boolean {
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw new InterruptOptionsError(
        'charge(amount)',
        `must be a finite number >= 0, got ${String(amount)}`,
        'charge what was spent',
      );
    }
    this.used += amount;
    if (!this.exceededAt && this.used > this.limit) {
      this.exceededAt = {
        unit: this.unit,
        limit: this.limit,
        spent: this.used,
        firedAt: process.hrtime.bigint(),
      };
      for (const listener of [...this.listeners]) listener(this.exceededAt);
    }
    return this.exceededAt === undefined;
  }

  /**
   * Calls `listener` once when the budget is exceeded (at once if it already is).
   * @returns a function that removes the listener
   */
  onExceeded(listener: (info: BudgetExceeded) => void): () => void {
    if (this.exceededAt) {
      listener(this.exceededAt);
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
