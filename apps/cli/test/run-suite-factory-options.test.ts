import { join, resolve } from 'node:path';
import { readResults } from '@kaizen-bench/harness';
import { expect, it } from 'vitest';
import { startCli, tempDir } from './cli-helpers';

it('hands the LLM options of run to a suite file that exports a factory', async () => {
  const out = tempDir();
  const factory = resolve(import.meta.dirname, 'fixtures/factory-suite.mjs');
  // Any existing file passes the --model-file check; the factory only records the path.
  const run = await startCli([
    'run',
    '--suite-file',
    factory,
    '--quick',
    '--out',
    out,
    '--llm',
    'embedded',
    '--model-file',
    factory,
    '--model',
    'qwen3:0.6b',
  ]);
  expect(run.code).toBe(0);
  const result = await readResults(join(out, 'fixture_factory_results.json'));
  expect(result.metadata.llm_options).toEqual({ llm: 'embedded', model: 'qwen3:0.6b', modelFile: factory });
});
