import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { busyThreshold } from './helpers';

const root = join(import.meta.dirname, '..');
const fixture = join(import.meta.dirname, 'fixtures', 'dist-smoke.cjs');

function distIsStale(): boolean {
  const built = join(root, 'dist', 'index.cjs');
  if (!existsSync(built) || !existsSync(join(root, 'dist', 'index.js'))) return true;
  const builtAt = statSync(built).mtimeMs;
  return readdirSync(join(root, 'src')).some((name) => statSync(join(root, 'src', name)).mtimeMs > builtAt);
}

// The worker runs from inline source; this proves it also works from the bundled ESM and CJS files.
describe('built package', () => {
  beforeAll(() => {
    if (distIsStale()) execFileSync('pnpm', ['build'], { cwd: root, stdio: 'ignore' });
  }, 60_000);

  for (const file of ['index.js', 'index.cjs']) {
    it(`samples a blocked main thread from dist/${file} and lets the process exit with a monitor running`, () => {
      const run = spawnSync(process.execPath, [fixture, join(root, 'dist', file)], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.error).toBeUndefined();
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const { report, truth, cores } = JSON.parse(run.stdout);
      expect(report.samples).toBeGreaterThanOrEqual(5);
      expect(report.cpu_mean).toBeGreaterThan(busyThreshold(truth));
      expect(report.event_loop_delay_p99_ms).toBeGreaterThan(300);
      expect(cores).toBeGreaterThanOrEqual(1);
    });
  }

  it('samples in a host process run with --input-type=module (the worker does not inherit its flags)', () => {
    const code = `const m = await import(${JSON.stringify(join(root, 'dist', 'index.js'))});
const monitor = m.startMonitor({ intervalMs: 20 });
await monitor.ready();
const start = performance.now();
while (performance.now() - start < 200) {}
process.stdout.write(JSON.stringify(await monitor.stop()));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).samples).toBeGreaterThanOrEqual(3);
  });
});
