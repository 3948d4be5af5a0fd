import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Modules whose import costs milliseconds: they must load on first use (`import()`), never statically. */
const HEAVY = [
  'ajv',
  'ollama',
  'node-llama-cpp',
  'node:zlib',
  'node:crypto',
  'node:util',
  'node:http',
  '@a2a-js/sdk',
  'express',
  'better-sqlite3',
  'pg',
  'lru-cache',
];

/** Runtime (non-type) static imports and re-exports of a source file. */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const found: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          bindings &&
          ts.isNamedImports(bindings) &&
          bindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

/** Every module loaded when src/index.ts is imported: the static import graph's external modules. */
function externalModulesOfIndex(): Set<string> {
  const external = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) visit(`${resolve(dirname(file), specifier)}.ts`);
      else external.add(specifier);
    }
  };
  visit(join(SRC, 'index.ts'));
  return external;
}

it('importing the package statically loads no heavy module (they load on first use)', () => {
  const external = externalModulesOfIndex();
  expect(external.size).toBeGreaterThan(0);
  for (const heavy of HEAVY) {
    expect([...external].filter((m) => m === heavy || m.startsWith(`${heavy}/`))).toEqual([]);
  }
});
