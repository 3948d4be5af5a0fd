#!/usr/bin/env node
// Scaffolds a package from the one template every package follows:
//   node scripts/new-package.mjs <folder> "<description>" [--private] [--app]
// Writes package.json, tsconfig.json, tsup.config.ts, vitest.config.ts, README.md; src/ and test/ are yours.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [folder, description, ...flags] = process.argv.slice(2);
if (!folder || !description) {
  console.error('usage: node scripts/new-package.mjs <folder> "<description>" [--private] [--app]');
  process.exit(2);
}
const isApp = flags.includes('--app');
const isPrivate = flags.includes('--private');
const root = resolve(import.meta.dirname, '..');
const relDir = `${isApp ? 'apps' : 'packages'}/${folder}`;
const dir = join(root, relDir);
if (existsSync(join(dir, 'package.json'))) {
  console.error(`${relDir}/package.json exists already: nothing written`);
  process.exit(2);
}
const stats = JSON.parse(readFileSync(join(root, 'packages/stats/package.json'), 'utf8'));
const manifest = {
  name: `@kaizen-bench/${folder}`,
  version: '0.1.0',
  ...(isPrivate ? { private: true } : {}),
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  engines: stats.engines,
  repository: { ...stats.repository, directory: relDir },
  exports: stats.exports,
  main: stats.main,
  module: stats.module,
  types: stats.types,
  files: stats.files,
  ...(isPrivate ? {} : { publishConfig: { access: 'public' } }),
  scripts: stats.scripts,
};
mkdirSync(join(dir, 'src'), { recursive: true });
mkdirSync(join(dir, 'test'), { recursive: true });
writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const file of ['tsconfig.json', 'tsup.config.ts', 'vitest.config.ts']) {
  writeFileSync(join(dir, file), readFileSync(join(root, 'packages/stats', file)));
}
writeFileSync(join(dir, 'README.md'), `# @kaizen-bench/${folder}\n\n${description}.\n`);
console.log(`created ${relDir}: add src/index.ts, tests in test/, dependencies with pnpm --filter`);
