import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE_DIR = fileURLToPath(new URL('../src/checkpoint/', import.meta.url));

/**
 * Compiles src/checkpoint/*.ts to CommonJS in a temp dir and returns that dir, so a plain `node` child
 * process can run the current source: CI builds only a package's dependencies before its tests, and
 * Node 20 cannot strip types itself. The checkpoint module imports only node: builtins.
 */
export async function compileCheckpointModule(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'kzb-ckpt-module-'));
  await writeFile(join(outDir, 'package.json'), '{"type":"commonjs"}\n');
  for (const name of await readdir(SOURCE_DIR)) {
    if (!name.endsWith('.ts')) continue;
    const source = await readFile(join(SOURCE_DIR, name), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
      fileName: name,
    });
    await writeFile(join(outDir, name.replace(/\.ts$/, '.js')), outputText);
  }
  return outDir;
}
