import { CalculatorError } from './errors';
import { defineRegisteredTool, type RegisteredTool } from './registry';

/** Longest expression the calculator takes, characters. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Deepest nesting of parentheses and unary operators. */
const MAX_DEPTH = 64;

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI };
const FUNCTIONS: Record<string, { arity: [number, number]; fn: (...args: number[]) => number }> = {
  abs: { arity: [1, 1], fn: Math.abs },
  sqrt: { arity: [1, 1], fn: Math.sqrt },
  cbrt: { arity: [1, 1], fn: Math.cbrt },
  exp: { arity: [1, 1], fn: Math.exp },
  ln: { arity: [1, 1], fn: Math.log },
  log10: { arity: [1, 1], fn: Math.log10 },
  log2: { arity: [1, 1], fn: Math.log2 },
  sin: { arity: [1, 1], fn: Math.sin },
  cos: { arity: [1, 1], fn: Math.cos },
  tan: { arity: [1, 1], fn: Math.tan },
  floor: { arity: [1, 1], fn: Math.floor },
  ceil: { arity: [1, 1], fn: Math.ceil },
  round: { arity: [1, 1], fn: Math.round },
  min: { arity: [1, 64], fn: Math.min },
  max: { arity: [1, 64], fn: Math.max },
  pow: { arity: [2, 2], fn: Math.pow },
  hypot: { arity: [1, 64], fn: Math.hypot },
};

/** A recursive-descent parser that evaluates while it parses: no `eval`, no intermediate tree. */
class Evaluator {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  run(): number {
    const value = this.sum();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(`unexpected ${JSON.stringify(this.text[this.pos])}`);
    return value;
  }

  private fail(problem: string): never {
    throw new CalculatorError(this.pos, `Cannot evaluate expression: ${problem} at position ${this.pos}`);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private eat(char: string): boolean {
    this.skipSpace();
    if (this.text[this.pos] !== char) return false;
    this.pos++;
    return true;
  }

  // sum := product (('+' | '-') product)*
  private sum(): number {
    let value = this.product();
    for (;;) {
      if (this.eat('+')) value += this.product();
      else if (this.eat('-')) value -= this.product();
      else return value;
    }
  }

  // product := unary (('*' | '/' | '%') unary)*
  private product(): number {
    let value = this.unary();
    for (;;) {
      if (this.eat('*')) value *= this.unary();
      else if (this.eat('/')) value /= this.unary();
      else if (this.eat('%')) value %= this.unary();
      else return value;
    }
  }

  // unary := ('-' | '+') unary | power
  private unary(): number {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH}`);
    try {
      if (this.eat('-')) return -this.unary();
      if (this.eat('+')) return this.unary();
      return this.power();
    } finally {
      this.depth--;
    }
  }

  // power := atom ('^' unary)?   (right-associative: 2^3^2 = 2^9)
  private power(): number {
    const base = this.atom();
    return this.eat('^') ? base ** this.unary() : base;
  }

  // atom := number | constant | function '(' args ')' | '(' sum ')'
  private atom(): number {
    this.skipSpace();
    if (this.eat('(')) {
      if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH}`);
      const value = this.sum();
      this.depth--;
      if (!this.eat(')')) this.fail('missing ")"');
      return value;
    }
    const rest = this.text.slice(this.pos);
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const name = /^[a-z][a-z0-9]*/i.exec(rest);
    if (!name)
      this.fail(
        this.pos < this.text.length ? `unexpected ${JSON.stringify(this.text[this.pos])}` : 'unexpected end',
      );
    const id = name[0].toLowerCase();
    const at = this.pos;
    this.pos += name[0].length;
    if (Object.hasOwn(CONSTANTS, id)) return CONSTANTS[id]!;
    const fn = Object.hasOwn(FUNCTIONS, id) ? FUNCTIONS[id] : undefined;
    if (!fn) {
      this.pos = at;
      this.fail(
        `unknown name "${name[0]}" (functions: ${Object.keys(FUNCTIONS).join(', ')}; constants: pi, e, tau)`,
      );
    }
    if (!this.eat('(')) this.fail(`"${id}" needs "(" and its arguments`);
    const args = [this.sum()];
    while (this.eat(',')) args.push(this.sum());
    if (!this.eat(')')) this.fail('missing ")"');
    const [min, max] = fn.arity;
    if (args.length < min || args.length > max) {
      this.fail(`${id} takes ${min === max ? min : `${min} to ${max}`} argument(s), got ${args.length}`);
    }
    return fn.fn(...args);
  }
}

/**
 * Evaluates an arithmetic expression deterministically: numbers, `+ - * / % ^` (power, right-associative),
 * parentheses, unary signs, constants `pi e tau` and functions `abs sqrt cbrt exp ln log10 log2 sin cos tan
 * floor ceil round min max pow hypot`. No `eval`.
 * @throws CalculatorError (`CALC_INVALID_EXPRESSION`) for a syntax error, an unknown name, an expression longer
 *   than 2000 characters or nested deeper than 64, or a result that is not a finite number.
 */
export function evaluateExpression(expression: string): number {
  if (typeof expression !== 'string' || expression.trim() === '') {
    throw new CalculatorError(0, 'Cannot evaluate expression: it is empty — pass e.g. "2 * (3 + 4)"');
  }
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw new CalculatorError(
      MAX_EXPRESSION_LENGTH,
      `Cannot evaluate expression: longer than ${MAX_EXPRESSION_LENGTH} characters`,
    );
  }
  const value = new Evaluator(expression).run();
  if (!Number.isFinite(value)) {
    throw new CalculatorError(
      0,
      `Cannot evaluate expression: the result is ${value} (e.g. a division by zero)`,
    );
  }
  return value;
}

/** Arguments of the `calculate` tool. */
export interface CalculateArgs {
  expression: string;
}

/**
 * The `calculate` tool (danger `safe`): CPU-bound, deterministic, no I/O — {@link evaluateExpression}.
 * Returns `{ expression, value }`.
 */
export function createCalculatorTool(options: { timeoutMs?: number } = {}): RegisteredTool<CalculateArgs> {
  return defineRegisteredTool<CalculateArgs>({
    name: 'calculate',
    description: 'Evaluates an arithmetic expression, e.g. "2 * (3 + 4) ^ 2 / sqrt(16)".',
    danger: 'safe',
    parameters: {
      type: 'object',
      properties: { expression: { type: 'string', minLength: 1, maxLength: MAX_EXPRESSION_LENGTH } },
      required: ['expression'],
      additionalProperties: false,
    },
    timeoutMs: options.timeoutMs ?? 1000,
    execute: ({ expression }) => ({ expression, value: evaluateExpression(expression) }),
  });
}
