import { expect, it } from 'vitest';
import {
  createPermissionPolicy,
  defineRegisteredTool,
  JsonlAuditLog,
  ToolGate,
  ToolRegistry,
} from '../src/index';
import { join } from 'node:path';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();

it('a tool that overruns its timeout is aborted and reported as TOOL_TIMEOUT; an aborted call rejects', async () => {
  let sawAbort = false;
  const slow = defineRegisteredTool<Record<string, never>>({
    name: 'slow',
    description: 'Waits until aborted.',
    danger: 'safe',
    parameters: { type: 'object', properties: {}, additionalProperties: false },
    timeoutMs: 50,
    execute: (_args, { signal }) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          sawAbort = true;
          reject(signal.reason);
        });
      }),
  });
  const registry = new ToolRegistry([slow]);
  const policy = createPermissionPolicy({
    rules: [{ id: 'safe', effect: 'allow', danger: 'safe' }],
    tools: registry,
  });
  const audit = new JsonlAuditLog({ path: join(await tempDir(), 'audit.jsonl') });
  const gate = new ToolGate({ registry, policy, audit });

  const timedOut = await gate.call({ tool: 'slow', arguments: {} });
  expect(timedOut.error).toEqual({ code: 'TOOL_TIMEOUT', message: 'timed out after 50 ms' });
  expect(sawAbort).toBe(true);

  const controller = new AbortController();
  const pending = gate.call({ tool: 'slow', arguments: {} }, { signal: controller.signal });
  setTimeout(() => controller.abort(new Error('cancelled')), 10);
  await expect(pending).rejects.toThrow('cancelled');
  await audit.close();
});
