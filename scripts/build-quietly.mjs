#!/usr/bin/env node
// Builds the CLI and what it depends on before `pnpm bench` / `pnpm kaizen-bench`, silently: turbo's banner,
// task summary and telemetry notice are printed only when the build fails (with its full output).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const turbo = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'turbo.cmd' : 'turbo');
const result = spawnSync(turbo, ['run', 'build', '--filter=@kaizen-bench/cli...', '--output-logs=errors-only'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
  maxBuffer: 64 * 1024 * 1024,
});
if (result.error || result.status !== 0) {
  process.stderr.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  process.stderr.write(`kaizen-bench: building the CLI failed${result.error ? ` (${result.error.message})` : ''}\n`);
  process.exit(result.status || 1);
}
