#!/usr/bin/env node
// Adds up the vitest JSON reports every package wrote (.test-results/vitest.json) and prints the one
// plain line CI reads: "N passed, N failed". Exits 1 when a test failed or no report was found.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
let passed = 0;
let failed = 0;
let skipped = 0;
let reports = 0;
for (const group of ['packages', 'apps']) {
  const groupDir = join(root, group);
  if (!existsSync(groupDir)) continue;
  for (const name of readdirSync(groupDir)) {
    const report = join(groupDir, name, '.test-results', 'vitest.json');
    if (!existsSync(report)) continue;
    const json = JSON.parse(readFileSync(report, 'utf8'));
    reports++;
    passed += json.numPassedTests;
    // Suites that failed to load count as failures even though they ran no test.
    failed += json.numFailedTests + (json.numFailedTestSuites > 0 && json.numFailedTests === 0 ? 1 : 0);
    skipped += json.numPendingTests + json.numTodoTests;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(reports === 0 || failed > 0 ? 1 : 0);
