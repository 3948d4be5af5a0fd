import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
/** Where a compiled child finds better-sqlite3, pg and lru-cache (NODE_PATH: its files live in a temp dir). */
export const AGENT_NODE_MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url));

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

/**
 * Compiles src/ to CommonJS in a temp dir (same layout) and returns it, so a plain `node` child process can
 * run the current memory code: Node 20 cannot strip types, and CI builds only a package's dependencies
 * before its tests. Run the child with NODE_PATH=AGENT_NODE_MODULES.
 */
export async function compileAgentSource(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'kzb-memory-module-'));
  await writeFile(join(outDir, 'package.json'), '{"type":"commonjs"}\n');
  for await (const file of sourceFiles(SRC)) {
    const { outputText } = ts.transpileModule(await readFile(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
      fileName: file,
    });
    const target = join(outDir, relative(SRC, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  return outDir;
}

/**
 * A writer that appends 3-turn batches (`b<batch>-<i>-...`) round-robin to sessions s0, s1, s2 as fast as
 * it can, printing `appended <batch>` after each append resolved, until it is killed.
 * argv: <compiled src dir> <backend option JSON> <first batch>.
 */
export const CRASH_WRITER = `
const { join } = require('node:path');
const [moduleDir, backendJson, firstBatch] = process.argv.slice(2);
const { openTieredMemory } = require(join(moduleDir, 'memory', 'tiered-memory.js'));
(async () => {
  const memory = await openTieredMemory({ backend: JSON.parse(backendJson) });
  const filler = 'x'.repeat(300);
  for (let b = Number(firstBatch); ; b++) {
    const turns = [0, 1, 2].map((i) => ({ role: i === 1 ? 'assistant' : 'user', content: 'b' + b + '-' + i + '-' + filler }));
    await memory.append('s' + (b % 3), turns);
    process.stdout.write('appended ' + b + '\\n');
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
