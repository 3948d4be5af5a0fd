import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, startCli, tempDir } from './cli-helpers';

// Debian's chromium, never a browser download (DESIGN §13). Missing on a developer machine: skip with how to
// install it; missing under CI=true: fail.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const INSTALL_HINT = `Chromium not found at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\``;
const haveChromium = existsSync(CHROMIUM);
const artifacts = resolve(import.meta.dirname, '../.test-results');
const reportSuite = resolve(import.meta.dirname, 'fixtures/report-suite.mjs');
/** The subject series colour of the charts (`seriesStyle('subject')` in @kaizen-bench/report). */
const SUBJECT_RGB = [0x1f, 0x5f, 0xbf] as const;

interface OpenedReport {
  page: Page;
  errors: string[];
  requests: string[];
  url: string;
}

let context: BrowserContext | undefined;
let checkpointsReport = '';
let comparisonReport = '';

async function openReport(file: string, width: number): Promise<OpenedReport> {
  if (!context) throw new Error('the browser did not start');
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.charts !== undefined, null, {
    timeout: 10_000,
  });
  return { page, errors, requests, url };
}

/** Per chart canvas: its painted pixels and those in the subject's series colour. */
function chartPixels(page: Page): Promise<{ painted: number; subject: number }[]> {
  return page.evaluate(
    (rgb) => {
      return Array.from(document.querySelectorAll<HTMLCanvasElement>('.chart canvas')).map((canvas) => {
        const context2d = canvas.getContext('2d');
        if (!context2d || canvas.width === 0 || canvas.height === 0) return { painted: 0, subject: 0 };
        const { data } = context2d.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        let subject = 0;
        for (let i = 0; i < data.length; i += 4) {
          if ((data[i + 3] ?? 0) === 0) continue;
          painted++;
          const near = [0, 1, 2].every((c) => Math.abs((data[i + c] ?? 0) - (rgb[c] ?? 0)) < 24);
          if (near && (data[i + 3] ?? 0) > 200) subject++;
        }
        return { painted, subject };
      });
    },
    SUBJECT_RGB as unknown as number[],
  );
}

if (!haveChromium && process.env.CI === 'true') {
  it('report in a browser under CI: needs Chromium', () => {
    throw new Error(`${INSTALL_HINT} (.ci/run installs it)`);
  });
}

if (!haveChromium && process.env.CI !== 'true') console.warn(`report browser test skipped: ${INSTALL_HINT}`);

describe.runIf(haveChromium)('kaizen-bench report in Chromium', () => {
  beforeAll(async () => {
    // A real run of the checkpoints suite, its report written by `run --report`.
    const runOut = tempDir('kaizen-report-run-');
    const run = await startCli(['run', 'checkpoints', '--quick', '--report', '--out', runOut]);
    expect(run.stderr).toMatch(/report: .*report\.html \(\d+ bytes\)/);
    expect(run.code).toBe(0);
    checkpointsReport = join(runOut, 'report.html');

    // Two builds A/B-tested (interleaved, 4 repetitions each) with a planted 3x slowdown of Spin C in B.
    const abOut = tempDir('kaizen-report-ab-');
    const ab = await startCli([
      'ab',
      binPath,
      binPath,
      '--suite-file',
      reportSuite,
      '--env-b',
      'REPORT_FIXTURE_SLOW=spin_c',
      '--repeat',
      '4',
      '--no-monitor',
      '--out',
      abOut,
    ]);
    expect(ab.code, ab.stderr).toBe(0);
    comparisonReport = join(abOut, 'comparison.html');
    const report = await startCli(['report', join(abOut, 'a'), join(abOut, 'b'), '--out', comparisonReport]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toBe(
      `report: ${comparisonReport} (${report.stdout.match(/\((\d+) bytes/)?.[1]} bytes)\n`,
    );

    mkdirSync(artifacts, { recursive: true });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kaizen-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('shows the run of `run --report`: every benchmark row, painted charts, no console error, no request', async () => {
    const { page, errors, requests, url } = await openReport(checkpointsReport, 1280);
    expect(errors.join('\n')).toBe('');
    expect(requests).toEqual([url]);
    for (const id of ['checkpoint_save', 'checkpoint_load', 'checkpoint_compression']) {
      await expect(page.locator(`tr[data-benchmark="suite6_checkpoints/${id}"]`).count()).resolves.toBe(1);
    }
    const pixels = await chartPixels(page);
    // two charts per benchmark (histogram, subject vs floor), each drawn with the subject's series
    expect(pixels).toHaveLength(6);
    expect(await page.evaluate(() => document.documentElement.dataset.charts)).toBe('6');
    for (const chart of pixels) {
      expect(chart.painted).toBeGreaterThan(1000);
      expect(chart.subject).toBeGreaterThan(50);
    }
    await page.screenshot({ path: join(artifacts, 'report-checkpoints.png'), fullPage: true });
    await page.close();
  });

  it('fits a phone width without sideways scrolling of the page, and the keyboard reaches the content', async () => {
    const { page, errors } = await openReport(checkpointsReport, 390);
    expect(errors.join('\n')).toBe('');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to results');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.screenshot({ path: join(artifacts, 'report-checkpoints-phone.png'), fullPage: true });
    await page.close();
  });

  it('puts the planted regression first in the comparison view', async () => {
    const { page, errors, requests, url } = await openReport(comparisonReport, 1280);
    expect(errors.join('\n')).toBe('');
    expect(requests).toEqual([url]);
    const rows = page.locator('#comparison tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.first().getAttribute('data-benchmark')).resolves.toBe('fixture_report/spin_c');
    await expect(rows.first().getAttribute('data-verdict')).resolves.toBe('slower');
    await expect(rows.first().locator('.badge').textContent()).resolves.toMatch(/slower/);
    const pixels = await chartPixels(page);
    expect(pixels).toHaveLength(6);
    for (const chart of pixels) expect(chart.subject).toBeGreaterThan(50);
    await page.screenshot({ path: join(artifacts, 'report-comparison.png'), fullPage: true });
    await page.close();
  });
});
