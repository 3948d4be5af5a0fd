import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ReportError } from './errors';

/** uPlot's browser build and stylesheet, inlined into every report (no CDN, no network). */
export interface ChartAssets {
  js: string;
  css: string;
  version: string;
}

let cached: ChartAssets | undefined;

/**
 * Reads uPlot's minified IIFE build and CSS from the installed `uplot` package (a dependency of this one), so
 * the same code works from the workspace and from an npm install. Read once per process.
 * @throws ReportError `REPORT_ASSET_MISSING` when the package cannot be found.
 */
export function loadChartAssets(): ChartAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  try {
    const read = (specifier: string) => readFileSync(require.resolve(specifier), 'utf8');
    const { version } = JSON.parse(read('uplot/package.json')) as { version: string };
    cached = { js: read('uplot/dist/uPlot.iife.min.js'), css: read('uplot/dist/uPlot.min.css'), version };
    return cached;
  } catch (error) {
    throw new ReportError(
      'REPORT_ASSET_MISSING',
      `cannot read the uplot chart library (${(error as Error).message.split('\n')[0]}): reinstall @kaizen-bench/report's dependencies (pnpm install)`,
      { cause: error },
    );
  }
}
