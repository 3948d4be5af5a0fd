import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli, tempDir } from './cli-helpers';

/** Each user mistake: exit code 2 and one line naming the problem, no stack trace. */
describe('usage errors', () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      'an unknown suite',
      ['run', 'nosuch'],
      /unknown suite "nosuch": choose one of 1 \(initialization\), 2 \(execution\), 3 \(memory\), 4 \(tool-calling\), 5 \(interrupts\), 6 \(checkpoints\), 7 \(multi-agent\)/,
    ],
    [
      'a bad iteration count',
      ['run', '--iterations', 'abc'],
      /--iterations must be a whole number >= 1, got "abc"/,
    ],
    ['zero iterations', ['run', '--iterations', '0'], /--iterations must be a whole number >= 1/],
    ['a bad format', ['run', '--format', 'xml'], /Allowed choices are table, json, markdown/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['a missing suite file', ['run', '--suite-file', '/nonexistent/suite.mjs'], /suite file not found/],
    ['a missing baseline', ['compare', '/nonexistent/a.json', '/nonexistent/b.json'], /baseline not found/],
    [
      'a missing model file',
      ['run', '--model-file', '/nonexistent/model.gguf'],
      /--model-file not found: \/nonexistent\/model\.gguf/,
    ],
    ['an unknown LLM engine', ['run', '--llm', 'gpt'], /Allowed choices are auto, ollama, embedded/],
    [
      'a bad CI target',
      ['run', '--target-ci', '0'],
      /--target-ci must be a percentage above 0 and below 100/,
    ],
    [
      '--max-iterations without --target-ci',
      ['run', '--max-iterations', '50'],
      /--max-iterations only applies with --target-ci/,
    ],
    [
      'an --out directory that cannot be created (no hang under /proc)',
      ['run', 'checkpoints', '--quick', '--out', '/proc/kaizen-bench-unwritable'],
      /--out: results directory \/proc\/kaizen-bench-unwritable cannot be created or written \(ENOENT\)/,
    ],
    ['a bad threshold', ['compare', 'a', 'b', '--threshold', 'lots'], /--threshold must be a percentage/],
  ];

  for (const [what, args, message] of cases) {
    it(`${what} -> exit 2`, async () => {
      const run = await startCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('a results file that is not JSON, or not a results file -> exit 2 naming the file', async () => {
    const dir = tempDir();
    const garbage = join(dir, 'garbage_results.json');
    const wrongShape = join(dir, 'shape_results.json');
    writeFileSync(garbage, '{ not json');
    writeFileSync(wrongShape, JSON.stringify({ suite_name: 'x' }));
    for (const file of [garbage, wrongShape]) {
      const run = await startCli(['compare', file, file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(file);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
