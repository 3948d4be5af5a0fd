import { defineRegisteredTool, type RegisteredTool } from './registry';
import type { FsSandbox, SandboxReadResult, SandboxWriteResult } from './sandbox';

/** Default time a sandboxed fs tool may run. */
export const DEFAULT_FS_TOOL_TIMEOUT_MS = 5000;

/** Arguments of `fs_write`. */
export interface FsWriteArgs {
  path: string;
  content: string;
}

/** Arguments of `fs_read`. */
export interface FsReadArgs {
  path: string;
}

/** The sandboxed file tools. */
export interface FsTools {
  /** `fs_write` (danger `medium`): writes UTF-8 text to a file inside the root. */
  write: RegisteredTool<FsWriteArgs>;
  /** `fs_read` (danger `low`): reads a UTF-8 file inside the root. */
  read: RegisteredTool<FsReadArgs>;
}

/**
 * `fs_write` and `fs_read` confined to `sandbox`. Their schemas cap the path length and the content size, so
 * ajv refuses oversized arguments before the tool runs; the sandbox then refuses anything leading outside the
 * root (see `FsSandbox`). Named with `_` (not `fs.write`): tool names follow `[a-zA-Z0-9_-]{1,64}`, what
 * OpenAI and Ollama accept.
 * @param options.timeoutMs per call. @default 5000
 */
export function createFsTools(sandbox: FsSandbox, options: { timeoutMs?: number } = {}): FsTools {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FS_TOOL_TIMEOUT_MS;
  const pathSchema = {
    type: 'string',
    minLength: 1,
    maxLength: sandbox.maxPathLength,
    description: 'Path relative to the sandbox root, segments separated by "/", e.g. "notes/today.txt".',
  };
  return {
    write: defineRegisteredTool<FsWriteArgs>({
      name: 'fs_write',
      description: `Writes UTF-8 text to a file in the sandbox (replacing it); at most ${sandbox.maxFileBytes} bytes.`,
      danger: 'medium',
      parameters: {
        type: 'object',
        properties: {
          path: pathSchema,
          // Characters, not bytes: the sandbox checks the byte size too.
          content: { type: 'string', maxLength: sandbox.maxFileBytes },
        },
        required: ['path', 'content'],
        additionalProperties: false,
      },
      timeoutMs,
      execute: ({ path, content }, { signal }): Promise<SandboxWriteResult> =>
        sandbox.writeFile(path, content, { signal }),
    }),
    read: defineRegisteredTool<FsReadArgs>({
      name: 'fs_read',
      description: `Reads a UTF-8 text file from the sandbox; at most ${sandbox.maxFileBytes} bytes.`,
      danger: 'low',
      parameters: {
        type: 'object',
        properties: { path: pathSchema },
        required: ['path'],
        additionalProperties: false,
      },
      timeoutMs,
      execute: ({ path }, { signal }): Promise<SandboxReadResult> => sandbox.readFile(path, { signal }),
    }),
  };
}
