import { spawn } from 'node:child_process';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ColdStartEntry } from '../subject';

/**
 * The code a fresh `node` runs: stamp the clock, import the entry, build the agent, stamp again, report both
 * stamps (CLOCK_MONOTONIC, comparable with the parent's), then close the agent and exit.
 */
const CHILD_CODE = `
const start = process.hrtime.bigint();
const [entry, exportName, argument] = process.argv.slice(1);
const mod = await import(entry);
const imported = process.hrtime.bigint();
const build = mod[exportName] ?? mod.default?.[exportName];
if (typeof build !== 'function') throw new Error(entry + ' has no function export ' + JSON.stringify(exportName));
const agent = await build(JSON.parse(argument));
const ready = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ pid: process.pid, start: String(start), imported: String(imported), ready: String(ready) }) + '\\n');
if (agent && typeof agent.close === 'function') await agent.close();
`;

/** One cold start, as the child and the parent saw it. All times in ms. */
export interface ColdStartSample {
  pid: number;
  /** Child: import of the entry module + the export building the agent (the benchmark's sample). */
  importConstructMs: number;
  importMs: number;
  constructMs: number;
  /** Parent: from calling spawn() to the child's ready stamp. */
  spawnToReadyMs: number;
  /** Parent: from calling spawn() to the child's exit. */
  spawnToExitMs: number;
  exitCode: number;
}

/** The error line of a child's stderr (`Error: ...`, not the stack), or its last line. */
function childError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.find((line) => /^[A-Za-z]*Error\b.*:/.test(line)) ?? lines.at(-1) ?? 'no output';
}

const toUrl = (module: string): string => (isAbsolute(module) ? pathToFileURL(module).href : module);

/**
 * Starts a fresh `node` (no flags, no NODE_OPTIONS, so no TypeScript loader or preload) that imports
 * `entry.module` and calls its export; resolves when it has exited. Rejects with the child's stderr when it fails.
 */
export function runColdStart(entry: ColdStartEntry, signal?: AbortSignal): Promise<ColdStartSample> {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const args = [
    '--input-type=module',
    '-e',
    CHILD_CODE,
    toUrl(entry.module),
    entry.exportName,
    JSON.stringify(entry.argument ?? null),
  ];
  return new Promise((resolve, reject) => {
    const spawnedAt = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env, signal });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const exitedAt = process.hrtime.bigint();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) {
        reject(new Error(`cold-start child exited with code ${code}: ${childError(stderr)}`));
        return;
      }
      const stamps = JSON.parse(line) as { pid: number; start: string; imported: string; ready: string };
      const start = BigInt(stamps.start);
      const imported = BigInt(stamps.imported);
      const ready = BigInt(stamps.ready);
      const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
      resolve({
        pid: stamps.pid,
        importConstructMs: ms(start, ready),
        importMs: ms(start, imported),
        constructMs: ms(imported, ready),
        spawnToReadyMs: ms(spawnedAt, ready),
        spawnToExitMs: ms(spawnedAt, exitedAt),
        exitCode: code,
      });
    });
  });
}
