import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedToolCallingSuiteOptions } from '../options';
import type { ToolCallSpec, ToolExecutionResult } from '../subject';
import { acquireFor, type Held, prepare, release } from './_lifecycle';

const FILE = 'bench/data.txt';
const FLOOR_FILE = 'bench/floor.txt';
const SESSION = 'tool-execution';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \n';

/** The file's text from an `fs_read` result: a string, or an object with a `content` string. */
function contentOf(result: unknown): string | undefined {
  if (typeof result === 'string') return result;
  const content = (result as { content?: unknown } | null)?.content;
  return typeof content === 'string' ? content : undefined;
}

function expectOk(outcome: ToolExecutionResult, what: string): unknown {
  if (!outcome.ok) throw new Error(`tool_execution: ${what} failed: ${outcome.error}`);
  return outcome.result;
}

/** Tool Execution: validated, permitted, sandboxed fs_write then fs_read of a 4 KB file (DESIGN §8). */
export function createToolExecutionBenchmark(options: ResolvedToolCallingSuiteOptions): BenchmarkDefinition {
  let held: Held | undefined;
  let content = '';
  let write: ToolCallSpec | undefined;
  let read: ToolCallSpec | undefined;
  let last: unknown;
  const kb = options.fileBytes / 1024;
  const size = Number.isInteger(kb) ? `${kb} KB` : `${options.fileBytes}-byte`;
  return {
    id: 'tool_execution',
    name: 'Tool Execution',
    description:
      `Times subject.callTool(fs_write of a ${size} file) then subject.callTool(fs_read of it) in the sandbox, ` +
      `each under a ${options.toolTimeoutMs} ms timeout; the content read back is checked untimed. For the ` +
      'default subject each call is ToolGate.call: registry lookup + ajv validation + PermissionPolicy.check + ' +
      'a durable audit record (JSONL + fdatasync) + the sandboxed open (per-segment O_NOFOLLOW walk, post-open ' +
      'realpath/type/link checks) + write or read.',
    target: { excellentMs: 20, targetMs: 50 },
    iterations: 100,
    warmup: 10,
    ioBound: true,
    requires: () =>
      acquireFor(options, 'tool_execution', 'callTool', 'tool execution', (h) => {
        held = h;
      }),
    async setup(ctx) {
      await prepare(ctx, held!);
      const chars: string[] = [];
      for (let i = 0; i < options.fileBytes; i++) chars.push(ALPHABET[ctx.rng.int(0, ALPHABET.length - 1)]!);
      content = chars.join('');
      write = { tool: 'fs_write', args: { path: FILE, content }, sessionId: SESSION };
      read = { tool: 'fs_read', args: { path: FILE }, sessionId: SESSION };
      last = undefined;
      expectOk(await held!.subject.callTool!(write, { signal: ctx.signal }), 'fs_write (setup)');
      const first = expectOk(await held!.subject.callTool!(read, { signal: ctx.signal }), 'fs_read (setup)');
      if (contentOf(first) !== content)
        throw new Error('tool_execution: fs_read did not return what fs_write wrote');
      ctx.metadata['file_bytes'] = Buffer.byteLength(content);
    },
    baseline: {
      name: 'plain fs write + read',
      description: `The same ${size} text written with fs.promises.writeFile and read back with readFile, nothing else.`,
      fn: async () => {
        const path = join(held!.workload.sandboxRoot, FLOOR_FILE);
        await writeFile(path, content);
        await readFile(path, 'utf8');
      },
    },
    async fn(ctx) {
      expectOk(await held!.subject.callTool!(write!, { signal: ctx.signal }), 'fs_write');
      last = expectOk(await held!.subject.callTool!(read!, { signal: ctx.signal }), 'fs_read');
    },
    async teardown(ctx) {
      try {
        if (last !== undefined && contentOf(last) !== content) {
          throw new Error('tool_execution: the last fs_read did not return what fs_write wrote');
        }
      } finally {
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
