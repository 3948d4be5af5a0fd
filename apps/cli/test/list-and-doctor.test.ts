import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli, tempDir } from './cli-helpers';

describe('kaizen-bench list', () => {
  it('lists each registered benchmark with its description and targets', async () => {
    const run = await startCli(['list', '--json']);
    expect(run.code).toBe(0);
    const listing = JSON.parse(run.stdout) as Array<{
      id: string;
      benchmarks: Array<{
        id: string;
        description: string;
        target: { excellentMs: number; targetMs: number };
      }>;
    }>;
    const checkpoints = listing.find((suite) => suite.id === 'suite6_checkpoints');
    expect(checkpoints?.benchmarks.map((b) => [b.id, b.target.excellentMs, b.target.targetMs])).toEqual([
      ['checkpoint_save', 10, 30],
      ['checkpoint_load', 10, 20],
      ['checkpoint_compression', 20, 50],
    ]);
    for (const bench of checkpoints?.benchmarks ?? []) expect(bench.description.length).toBeGreaterThan(20);
    const initialization = listing.find((suite) => suite.id === 'suite1_initialization');
    expect(initialization?.benchmarks.map((b) => [b.id, b.target.excellentMs, b.target.targetMs])).toEqual([
      ['cold_start', 10, 20],
      ['warm_start', 2, 5],
      ['lazy_init', 1, 3],
    ]);
    expect(listing.map((suite) => suite.id)).toEqual([
      'suite1_initialization',
      'suite2_execution',
      'suite3_memory',
      'suite4_tool_calling',
      'suite5_interrupts',
      'suite6_checkpoints',
      'suite7_multi_agent',
    ]);

    const table = await startCli(['list']);
    expect(table.stdout).toMatch(/6 {2}checkpoints {2}\(suite6_checkpoints/);
  });
});

describe('kaizen-bench doctor', () => {
  it('reports each check, names the fix for an unreachable Ollama, and passes on required checks', async () => {
    // Port 9 on loopback: nothing listens there, so Ollama is reported missing with the command that fixes it.
    const run = await startCli(['doctor', '--out', tempDir(), '--ollama-host', 'http://127.0.0.1:9']);
    expect(run.stdout).toMatch(/^OK {5} Node\.js: \d+\.\d+\.\d+/m);
    expect(run.stdout).toMatch(/^OK {5} results directory: .* is writable/m);
    expect(run.stdout).toMatch(/^OK {5} embedded LLM engine: node-llama-cpp loads and generates/m);
    expect(run.stdout).toMatch(/^MISSING Ollama \(optional\): .*127\.0\.0\.1:9/m);
    expect(run.stdout).toMatch(/fix: start it with `ollama serve`/);
    expect(run.code).toBe(0);
  });

  it('fails when the results directory cannot be written', async () => {
    // A directory below a regular file can never be created.
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a directory');
    const run = await startCli([
      'doctor',
      '--out',
      join(file, 'results'),
      '--ollama-host',
      'http://127.0.0.1:9',
    ]);
    expect(run.stdout).toMatch(/^MISSING results directory: /m);
    expect(run.stdout).toMatch(/fix: pass a writable directory with --out/);
    expect(run.code).toBe(1);
  });
});
