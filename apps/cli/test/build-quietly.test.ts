import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const script = resolve(import.meta.dirname, '../../../scripts/build-quietly.mjs');

it('the build step before `pnpm bench` / `pnpm kaizen-bench` prints nothing when it succeeds', () => {
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 120_000 });
  expect(result.status).toBe(0);
  // No turbo banner, task summary or telemetry notice.
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe('');
}, 130_000);
