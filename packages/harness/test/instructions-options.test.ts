import { expect, test } from 'vitest';
import { HarnessError, runSuite, validateSuiteResult } from '../src/index';
import { bench, fast, sampleResult, suite } from './_helpers';

const source = { module: '/nowhere/suite.mjs' };

test('without valgrind, instruction counting is a one-line error before anything runs', async () => {
  let ran = false;
  const error = await runSuite(suite('s', [bench('b', { fn: () => (ran = true) })]), {
    ...fast,
    instructions: { source, valgrind: '/nonexistent/valgrind' },
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HarnessError);
  expect((error as HarnessError).code).toBe('HARNESS_VALGRIND_MISSING');
  expect((error as Error).message).toMatch(/not found.*apt-get install valgrind/);
  expect((error as Error).message).not.toContain('\n');
  expect(ran).toBe(false);
});

test('bad instruction options name the option', async () => {
  const run = (instructions: object) =>
    runSuite(suite('s', [bench('b', { fn: () => 1 })]), { ...fast, instructions: instructions as never });
  await expect(run({ source: { module: '' } })).rejects.toThrow(/source\.module is required/);
  await expect(run({ source, repetitions: 0 })).rejects.toThrow(/repetitions must be an integer >= 1/);
  await expect(run({ source, iterations: 1.5 })).rejects.toThrow(/iterations must be an integer >= 1/);
  await expect(run({ source, budgetMs: -1 })).rejects.toThrow(/budgetMs must be a number >= 0/);
});

test('the schema takes an instructions block and checks it: ok needs the counts, failed a reason', async () => {
  const file = JSON.parse(JSON.stringify(await sampleResult()));
  const ok = file.benchmark_results.find((r: { status: string }) => r.status === 'ok');
  const tooling = {
    valgrind_version: '3.19.0',
    node_version: 'v20.20.2',
    valgrind_flags: ['--tool=callgrind'],
    node_flags: ['--predictable'],
  };
  ok.instructions = {
    status: 'ok',
    instructions_per_iteration: 4_338_000,
    repetitions: [4_338_000, 4_338_001, 4_337_999],
    spread: 2 / 4_338_000,
    iterations: 10,
    warmup_iterations: 5,
    cost_kind: 'cpu',
    duration_seconds: 31.5,
    ...tooling,
  };
  expect(validateSuiteResult(file)).toEqual([]);
  ok.instructions = { status: 'failed', reason: 'the probe process timed out', ...tooling };
  expect(validateSuiteResult(file)).toEqual([]);
  ok.instructions = { status: 'failed', ...tooling };
  expect(validateSuiteResult(file).map((i) => i.pointer)).toContain('/benchmark_results/0/instructions');
  ok.instructions = { status: 'ok', cost_kind: 'idle', ...tooling };
  const pointers = validateSuiteResult(file).map((i) => i.pointer);
  expect(pointers).toContain('/benchmark_results/0/instructions');
  expect(pointers).toContain('/benchmark_results/0/instructions/cost_kind');
});
