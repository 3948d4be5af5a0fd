import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Transpiles the given src files (paths relative to src/, e.g. `tools/audit-log.ts`) to CommonJS in a temp dir,
 * keeping their folders, so a plain `node` child process can run the current source (Node 20 cannot strip
 * types, and CI builds only a package's dependencies before its tests). Returns the dir.
 */
export async function compileSourceFiles(files: readonly string[]): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'kzb-tools-module-'));
  await writeFile(join(outDir, 'package.json'), '{"type":"commonjs"}\n');
  for (const file of files) {
    const { outputText } = ts.transpileModule(await readFile(join(SRC, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
      fileName: file,
    });
    const target = join(outDir, file.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  return outDir;
}
