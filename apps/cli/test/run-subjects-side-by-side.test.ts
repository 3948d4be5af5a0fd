import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import { startCli, tempDir } from './cli-helpers';

const PG_URL = process.env['KAIZEN_BENCH_PG_URL'];
if (!PG_URL && process.env['CI'] === 'true') {
  throw new Error('KAIZEN_BENCH_PG_URL is not set under CI=true: .ci/run starts PostgreSQL and exports it');
}
if (!PG_URL)
  console.log(
    'langgraph-postgres left out: set KAIZEN_BENCH_PG_URL (bash scripts/pg-test-server.sh start DIR)',
  );

const SUBJECTS = [
  'kaizen',
  'langgraph-memory',
  'langgraph-sqlite',
  ...(PG_URL ? ['langgraph-postgres'] : []),
];

/** The side-by-side table's lines: header, rule, rows (up to the first line that is not a row). */
function sideBySide(stdout: string): { header: string[]; rows: string[][] } {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Side by side'));
  expect(start, stdout).toBeGreaterThanOrEqual(0);
  const header = (lines[start + 1] as string).split(/\s{2,}/);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 3)) {
    if (!line.startsWith('suite')) break;
    rows.push(line.split(/\s{2,}/));
  }
  return { header, rows };
}

describe('kaizen-bench run --subject', () => {
  it('runs checkpoints once per subject, one file each, and prints them side by side', async () => {
    const out = tempDir();
    const run = await startCli(
      ['run', 'checkpoints', '--quick', '--no-monitor', '--subject', SUBJECTS.join(','), '--out', out],
      { timeoutMs: 170_000, env: PG_URL ? { KAIZEN_BENCH_PG_URL: PG_URL } : {} },
    );
    expect(run.code, run.stderr).toBe(0);

    // One column per subject, in the order asked; a row per benchmark plus the write amplification row.
    const { header, rows } = sideBySide(run.stdout);
    expect(header).toEqual(['suite', 'benchmark', ...SUBJECTS]);
    expect(rows.map((row) => row[1])).toEqual(['Save', 'Save: stored after 50 saves', 'Load', 'Compression']);
    for (const row of rows) expect(row).toHaveLength(2 + SUBJECTS.length);
    const compression = rows[3] as string[];
    expect(compression[2]).toMatch(/^\d[\d.]* x\d[\d.]* (excellent|good|needs_work)$/);
    for (const cell of compression.slice(3)) expect(cell).toBe('skipped');
    for (const subject of SUBJECTS.slice(1)) {
      expect(run.stdout).toMatch(
        new RegExp(
          `SKIPPED ${subject} / suite6_checkpoints / Compression: LangGraph .*no compression option`,
        ),
      );
    }

    // The default subject keeps the seed's file name; the others carry theirs, and say so in metadata.
    const files = readdirSync(out)
      .filter((name) => name.endsWith('.json'))
      .sort();
    expect(files).toEqual(
      [
        'summary.json',
        'suite6_checkpoints_results.json',
        ...SUBJECTS.slice(1).map((subject) => `suite6_checkpoints.${subject}_results.json`),
      ].sort(),
    );
    for (const subject of SUBJECTS.slice(1)) {
      const result = await readResults(join(out, `suite6_checkpoints.${subject}_results.json`));
      expect(result.suite_id).toBe('suite6_checkpoints');
      expect(result.metadata['subject_id']).toBe(subject);
      const save = result.benchmark_results[0];
      expect(save?.status).toBe('ok');
      // LangGraph keeps every checkpoint: more than 10 copies of the newest state after 50 saves.
      const amp = save?.metadata['write_amplification'] as {
        measured: boolean;
        stored_over_final_state: number;
      };
      expect(amp.measured).toBe(true);
      expect(amp.stored_over_final_state).toBeGreaterThan(10);
    }
    const kaizen = await readResults(join(out, 'suite6_checkpoints_results.json'));
    expect(kaizen.metadata['subject_id']).toBeUndefined();
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      suites: Array<{ file: string }>;
    };
    expect(summary.suites.map((suite) => suite.file)).toEqual([
      'suite6_checkpoints_results.json',
      ...SUBJECTS.slice(1).map((subject) => `suite6_checkpoints.${subject}_results.json`),
    ]);

    // compare pairs benchmarks by subject; export keeps every subject's entries apart.
    const compare = await startCli(['compare', out, out, '--format', 'json']);
    expect(compare.code, compare.stderr).toBe(0);
    const pairs = JSON.parse(compare.stdout) as Array<{ subject?: string; benchmark_id: string }>;
    const compared = Array.isArray(pairs) ? pairs : (pairs as { benchmarks: typeof pairs }).benchmarks;
    const savePairs = compared.filter((pair) => pair.benchmark_id === 'checkpoint_save');
    expect(savePairs.map((pair) => pair.subject ?? 'kaizen').sort()).toEqual([...SUBJECTS].sort());
    const exported = join(tempDir(), 'bench.json');
    const exportRun = await startCli(['export', out, '--out', exported]);
    expect(exportRun.code, exportRun.stderr).toBe(0);
    const names = (JSON.parse(readFileSync(exported, 'utf8')) as Array<{ name: string }>).map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('suite6_checkpoints / checkpoint_save (Save) [langgraph-sqlite]');
  }, 180_000);

  it('names an unknown subject, and a postgres subject without a URL, in one line with exit code 2', async () => {
    const unknown = await startCli(['run', 'checkpoints', '--subject', 'kaizen,langgraph-redis']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'kaizen-bench: unknown subject "langgraph-redis": choose from kaizen, langgraph-memory, langgraph-sqlite, langgraph-postgres (kaizen-bench list --subjects)',
    );
    const noUrl = await startCli(['run', 'checkpoints', '--subject', 'langgraph-postgres'], {
      env: { KAIZEN_BENCH_PG_URL: '' },
    });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr.trim()).toBe(
      'kaizen-bench: subject langgraph-postgres needs PostgreSQL: pass --pg-url <url> or set KAIZEN_BENCH_PG_URL',
    );
  });

  it('says in one line that a suite is not offered for a subject, and goes on', async () => {
    const out = tempDir();
    const run = await startCli(['run', 'initialization', '--subject', 'langgraph-memory', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'not offered: subject langgraph-memory has no initialization suite; going on',
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('lists the subjects', async () => {
    const run = await startCli(['list', '--subjects', '--json']);
    expect(run.code).toBe(0);
    const subjects = JSON.parse(run.stdout) as Array<{ name: string; needsPgUrl: boolean; suites: unknown }>;
    expect(subjects.map((s) => s.name)).toEqual([
      'kaizen',
      'langgraph-memory',
      'langgraph-sqlite',
      'langgraph-postgres',
    ]);
    expect(subjects[0]?.suites).toBe('all');
    expect(subjects[3]).toMatchObject({
      needsPgUrl: true,
      suites: expect.arrayContaining(['checkpoints', 'memory']),
    });
    const text = await startCli(['list', '--subjects']);
    expect(text.stdout).toMatch(/^langgraph-sqlite {2}LangGraph\.js on SQLite: SqliteSaver \(file, WAL\)/m);
  });
});
