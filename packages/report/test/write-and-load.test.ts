import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSuiteResults } from '@kaizen-bench/harness';
import { describe, expect, it } from 'vitest';
import { loadReportRun, renderReport, writeReport } from '../src/index';
import { runTinySuite } from './_tiny-run';

const temp = () => mkdtempSync(join(tmpdir(), 'kaizen-report-'));

describe('writeReport', () => {
  it('creates the directory, writes the page, reports its size in bytes, leaves no temp file', async () => {
    const dir = join(temp(), 'nested', 'out');
    const html = '<!DOCTYPE html><p>★ ok</p>';
    const written = await writeReport(join(dir, 'report.html'), html);
    expect(written.path).toBe(join(dir, 'report.html'));
    expect(written.bytes).toBe(Buffer.byteLength(html));
    expect(written.bytes).toBeGreaterThan(html.length);
    expect(readFileSync(written.path, 'utf8')).toBe(html);
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('fails with REPORT_WRITE_FAILED and keeps the earlier file when the target cannot be replaced', async () => {
    const dir = temp();
    // a non-empty directory where the report should go: rename over it fails
    mkdirSync(join(dir, 'report.html', 'inside'), { recursive: true });
    await expect(writeReport(join(dir, 'report.html'), 'x')).rejects.toMatchObject({
      code: 'REPORT_WRITE_FAILED',
      message: expect.stringMatching(
        /^cannot write report .*report\.html: .*; check the directory exists or can be created and is writable$/,
      ),
    });
    expect(readdirSync(dir)).toEqual(['report.html']);
  });
});

describe('loadReportRun', () => {
  it('reads every results file of a directory, validated, labelled with the directory name', async () => {
    const dir = join(temp(), 'run-a');
    const result = await runTinySuite(0.05);
    await writeSuiteResults(result, dir);
    writeFileSync(join(dir, 'notes.txt'), 'not a results file');
    const run = await loadReportRun(dir);
    expect(run.label).toBe('run-a');
    expect(run.suites.map((s) => s.suite_id)).toEqual(['report_tiny']);
    expect(renderReport({ runs: [run] })).toContain(`read from ${dir}`);
  });

  it('says what to do when the path is missing or holds no results', async () => {
    const dir = temp();
    await expect(loadReportRun(join(dir, 'missing'))).rejects.toMatchObject({
      code: 'REPORT_NO_RESULTS',
      message: expect.stringContaining('run a suite first'),
    });
    await expect(loadReportRun(dir)).rejects.toThrow(/holds no \*_results\.json file: run a suite first/);
  });
});
