import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport, writeReport } from '../src/index';
import { runTinySuite } from './_tiny-run';

// Debian's chromium, never a browser download. Missing on a developer machine: skip with how to install it;
// missing under CI=true: fail. (The CLI's report-browser test covers `run --report` and the comparison view.)
const CHROMIUM = '/usr/bin/chromium';
const INSTALL_HINT = `Chromium not found at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\``;
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && process.env.CI === 'true') {
  it('report in Chromium under CI: needs Chromium', () => {
    throw new Error(`${INSTALL_HINT} (.ci/run installs it)`);
  });
}
if (!haveChromium && process.env.CI !== 'true') console.warn(`report Chromium test skipped: ${INSTALL_HINT}`);

describe.runIf(haveChromium)('a report of a real harness run, in Chromium', () => {
  let context: BrowserContext | undefined;
  let file = '';

  beforeAll(async () => {
    const suite = await runTinySuite();
    const dir = mkdtempSync(join(tmpdir(), 'kaizen-report-page-'));
    file = (
      await writeReport(
        join(dir, 'report.html'),
        renderReport({ runs: [{ label: 'tiny', suites: [suite] }] }),
      )
    ).path;
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kaizen-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('draws every chart, runs none of the markup held in results, makes no request', async () => {
    if (!context) throw new Error('the browser did not start');
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.charts !== undefined);
    expect(errors.join('\n')).toBe('');
    expect(requests).toEqual([url]);
    // 2 ok benchmarks x 2 charts, each canvas painted
    expect(await page.evaluate(() => document.documentElement.dataset.charts)).toBe('4');
    const painted = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLCanvasElement>('.chart canvas')).map((canvas) => {
        const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? {
          data: [],
        };
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) count++;
        return count;
      }),
    );
    expect(painted).toHaveLength(4);
    for (const count of painted) expect(count).toBeGreaterThan(1000);
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    await expect(page.locator('tr[data-benchmark]').count()).resolves.toBe(4);
    await expect(page.locator('.badge.status-failed').first().textContent()).resolves.toContain('failed');
    const artifacts = resolve(import.meta.dirname, '../.test-results');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'report-tiny-run.png'), fullPage: true });
    await page.close();
  });
});
