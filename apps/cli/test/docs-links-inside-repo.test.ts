import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const script = resolve(import.meta.dirname, '../../../scripts/check-doc-links.mjs');
const check = () => spawnSync(process.execPath, [script], { encoding: 'utf8' });

it("every relative link of the repository's Markdown files resolves inside the repository", () => {
  const result = check();
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

it('the check catches a link out of the repository and a missing file', () => {
  // A throwaway repository with the script copied in.
  const repo = mkdtempSync(join(tmpdir(), 'kaizen-links-'));
  mkdirSync(join(repo, 'scripts'));
  copyFileSync(script, join(repo, 'scripts', 'check-doc-links.mjs'));
  writeFileSync(
    join(repo, 'README.md'),
    '[design](../outside/DESIGN.md) [here](docs/missing.md) [ok](README.md)\n',
  );
  spawnSync('git', ['init', '-q'], { cwd: repo });
  const result = spawnSync(process.execPath, [join(repo, 'scripts', 'check-doc-links.mjs')], {
    cwd: repo,
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stderr.trim().split('\n')).toEqual([
    'README.md: ../outside/DESIGN.md points outside the repository',
    'README.md: docs/missing.md does not exist',
  ]);
});
