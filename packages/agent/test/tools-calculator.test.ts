import { expect, it } from 'vitest';
import { CalculatorError, createCalculatorTool, evaluateExpression } from '../src/index';

it('evaluates arithmetic with precedence, right-associative powers, functions and constants', () => {
  const cases: Array<[string, number]> = [
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['2 ^ 3 ^ 2', 512],
    ['-2 ^ 2', -4],
    ['2 ^ -1', 0.5],
    ['10 % 4 - 7 / 2', -1.5],
    ['sqrt(16) + abs(-3) + max(1, 5, 2) - min(4, 2)', 10],
    ['round(pi * 100) / 100', 3.14],
    ['pow(2, 10) + hypot(3, 4)', 1029],
    ['1.5e3 + .5', 1500.5],
    ['  --3 ', 3],
  ];
  for (const [expression, value] of cases)
    expect(evaluateExpression(expression), expression).toBeCloseTo(value, 12);
});

it('is deterministic: the same expression gives the same bits', () => {
  const expression = 'sin(1.234) * exp(0.5) / ln(7) + cbrt(99)';
  expect(Object.is(evaluateExpression(expression), evaluateExpression(expression))).toBe(true);
});

it('refuses bad input with CalculatorError naming the position', () => {
  const bad: Array<[string, RegExp]> = [
    ['', /empty/],
    ['1 +', /unexpected end/],
    ['2 * (3 + 4', /missing "\)"/],
    ['foo(1)', /unknown name "foo"/],
    ['process.exit()', /unknown name "process"/],
    ['1 / 0', /Infinity/],
    ['sqrt(1, 2)', /takes 1 argument/],
    [`${'('.repeat(100)}1${')'.repeat(100)}`, /nesting deeper than 64/],
    ['1'.repeat(2001), /longer than 2000/],
  ];
  for (const [expression, message] of bad) {
    const error = (() => {
      try {
        evaluateExpression(expression);
      } catch (e) {
        return e;
      }
    })();
    expect(error, expression).toBeInstanceOf(CalculatorError);
    expect((error as CalculatorError).code).toBe('CALC_INVALID_EXPRESSION');
    expect((error as Error).message, expression).toMatch(message);
  }
});

it('the calculate tool is safe, validated by schema and returns the value', async () => {
  const tool = createCalculatorTool();
  expect(tool).toMatchObject({ name: 'calculate', danger: 'safe' });
  const signal = new AbortController().signal;
  expect(await tool.execute({ expression: '6 * 7' }, { signal, sessionId: 's' })).toEqual({
    expression: '6 * 7',
    value: 42,
  });
});
