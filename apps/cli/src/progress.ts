import type { Reporter } from '@kaizen-bench/harness';
import { pc } from './colors';
import { formatMs } from './render/format';

/** A writable sink, so progress can go to stderr while results go to stdout. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Progress for `run`: on a TTY one line redrawn in place (suite, benchmark, iterations, ETA);
 * otherwise (pipes, CI=true) one plain line when each benchmark starts and ends.
 */
export function createProgressReporter(stream: ProgressStream, options: { live: boolean }): Reporter {
  let suiteLabel = '';
  let benchLabel = '';
  let lastDraw = 0;
  const clearLine = () => {
    if (options.live) stream.write('\r\x1b[2K');
  };
  return {
    onSuiteStart({ suite, benchmarkCount }) {
      suiteLabel = suite.id;
      stream.write(`${pc.bold(suite.name)}: ${benchmarkCount} benchmarks\n`);
    },
    onBenchmarkStart({ benchmark, index, suite }) {
      benchLabel = `${index + 1}/${suite.benchmarks.length} ${benchmark.name}`;
      if (!options.live) stream.write(`[${suiteLabel}] ${benchLabel}: started\n`);
    },
    onIteration({ phase, done, total, elapsedMs }) {
      if (!options.live) return;
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const etaSeconds = done > 0 ? ((elapsedMs / done) * (total - done)) / 1000 : Number.NaN;
      const eta = Number.isFinite(etaSeconds) ? `, ETA ${etaSeconds.toFixed(0)} s` : '';
      clearLine();
      stream.write(`[${suiteLabel}] ${benchLabel}: ${phase} ${done}/${total}${eta}`);
    },
    onBenchmarkEnd({ result }) {
      clearLine();
      const detail =
        result.status === 'ok'
          ? `p50 ${formatMs(result.latency_ms.p50)} ms (${result.iterations} iterations), ${result.rating}`
          : `${result.status}: ${result.reason}`;
      const mark =
        result.status === 'ok'
          ? pc.green('ok')
          : result.status === 'failed'
            ? pc.red('failed')
            : pc.yellow('skipped');
      stream.write(
        `[${suiteLabel}] ${benchLabel}: ${mark} ${result.status === 'ok' ? detail : detail.replace(/^\w+: /, '')}\n`,
      );
    },
  };
}
