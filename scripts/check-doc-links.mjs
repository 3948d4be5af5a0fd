#!/usr/bin/env node
// Checks every relative link in the repository's Markdown files: the target must exist and lie inside the
// repository (someone who clones it has nothing else). Prints each broken link; exits 1 if there is one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);

const LINK = /\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const problems = [];
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8');
  for (const [, raw] of text.matchAll(LINK)) {
    if (/^(?:[a-z]+:|#)/i.test(raw)) continue; // http:, mailto:, in-page anchors
    const target = resolve(root, dirname(file), decodeURI(raw.split('#')[0]));
    const inside = !relative(root, target).startsWith('..');
    if (!inside) problems.push(`${file}: ${raw} points outside the repository`);
    else if (!existsSync(target)) problems.push(`${file}: ${raw} does not exist`);
  }
}
for (const problem of problems) console.error(problem);
process.exit(problems.length > 0 ? 1 : 0);
