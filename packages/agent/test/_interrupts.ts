import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { defineTool, ensureTinyModel, LlamaCppProvider, type ToolDefinition } from '../src/index';

/**
 * A tool whose first `fastCalls` calls return `{ row: n }` at once and whose next call is the long step: it
 * waits until its signal aborts (then rejects with the reason) — or, with `ignoreSignal`, until `release()`.
 */
export function makeGateTool(options: { fastCalls?: number; ignoreSignal?: boolean; name?: string } = {}) {
  const fastCalls = options.fastCalls ?? 0;
  let calls = 0;
  let onBusy: () => void = () => {};
  let busy = new Promise<void>((resolve) => {
    onBusy = resolve;
  });
  let release: () => void = () => {};
  const seen: { aborted: boolean; settled: boolean } = { aborted: false, settled: false };
  const tool: ToolDefinition = defineTool({
    name: options.name ?? 'fetch_rows',
    description: 'Fetches the next rows. No arguments needed: {}.',
    parameters: { type: 'object' },
    execute: async (_args, { signal }) => {
      calls++;
      if (calls <= fastCalls) return { row: calls };
      onBusy();
      try {
        await new Promise<void>((resolve, reject) => {
          release = resolve;
          signal.addEventListener('abort', () => {
            seen.aborted = true;
            if (!options.ignoreSignal) reject(signal.reason);
          });
        });
        return { row: calls };
      } finally {
        seen.settled = true;
      }
    },
  });
  return {
    tool,
    seen,
    /** Resolves when the long call has started. */
    busy: () => busy,
    get calls() {
      return calls;
    },
    /** Lets an ignored long call finish. */
    release: () => release(),
    /** Next run: count calls from zero again. */
    reset() {
      calls = 0;
      seen.aborted = false;
      seen.settled = false;
      busy = new Promise<void>((resolve) => {
        onBusy = resolve;
      });
    },
  };
}

/** The generated tiny model, loaded (1 thread). */
export async function loadTinyModel(): Promise<LlamaCppProvider> {
  const provider = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
  await provider.load();
  return provider;
}

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** The agent package's node_modules. */
export const AGENT_NODE_MODULES = fileURLToPath(new URL('../node_modules', import.meta.url));

/**
 * Transpiles the agent's runtime (agent, interrupts, checkpoint, llm) to CommonJS in a temp dir for a plain
 * `node` child (Node 20 cannot strip types; CI builds only a package's dependencies before its tests), and
 * links the package's node_modules there. Dynamic `import()` stays an import (module Node16), so ESM-only
 * node-llama-cpp loads lazily as in the package. Returns the dir.
 */
export async function compileAgentRuntime(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'kzb-interrupts-runtime-'));
  await writeFile(join(outDir, 'package.json'), '{"type":"commonjs"}\n');
  await symlink(AGENT_NODE_MODULES, join(outDir, 'node_modules'), 'dir');
  for (const dir of ['agent', 'interrupts', 'checkpoint', 'llm']) {
    await mkdir(join(outDir, dir));
    for (const name of await readdir(join(SRC, dir))) {
      if (!name.endsWith('.ts')) continue;
      const { outputText } = ts.transpileModule(await readFile(join(SRC, dir, name), 'utf8'), {
        compilerOptions: {
          module: ts.ModuleKind.Node16,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
        fileName: `${dir}/${name.replace(/\.ts$/, '.cts')}`,
      });
      await writeFile(join(outDir, dir, name.replace(/\.ts$/, '.js')), outputText);
    }
  }
  return outDir;
}
