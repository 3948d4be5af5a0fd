#!/usr/bin/env node
// Packs every publishable workspace package and checks the tarball with publint and
// @arethetypeswrong/cli, as a consumer installing it from npm would see it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packDir = join(root, '.pack-check');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir);

const packageDirs = ['packages', 'apps'].flatMap((group) => {
  const groupDir = join(root, group);
  if (!existsSync(groupDir)) return [];
  return readdirSync(groupDir).map((name) => join(groupDir, name));
});

const failures = [];
let checked = 0;
for (const dir of packageDirs) {
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.private) continue;
  checked++;
  console.log(`\n== ${manifest.name}`);
  const out = execFileSync('pnpm', ['pack', '--pack-destination', packDir, '--json'], { cwd: dir, encoding: 'utf8' });
  const tarball = JSON.parse(out).filename;
  const run = (cmd, args) => {
    try {
      execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
    } catch {
      failures.push(`${manifest.name}: ${cmd} failed`);
    }
  };
  run(join(root, 'node_modules/.bin/publint'), ['run', '--strict', tarball]);
  // A bin-only CLI has no importable entry: check only its declared exports.
  const attwArgs = manifest.bin && !manifest.exports?.['.'] ? ['--entrypoints', './package.json'] : [];
  run(join(root, 'node_modules/.bin/attw'), [tarball, '--format', 'table-flipped', ...attwArgs]);
}
rmSync(packDir, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(`\nPackage checks failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nPackage checks passed for ${checked} publishable package(s).`);
