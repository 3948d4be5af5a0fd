import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Approver,
  createFsSandbox,
  createFsTools,
  createPermissionPolicy,
  defineRegisteredTool,
  JsonlAuditLog,
  type PermissionRule,
  ToolGate,
  ToolRegistry,
} from '../src/index';

export const GATE_RULES: PermissionRule[] = [
  {
    id: 'fs-outside',
    effect: 'deny',
    tools: 'fs_*',
    paths: { args: ['path'], roots: ['.'], match: 'outside' },
  },
  { id: 'fs-read', effect: 'allow', tools: 'fs_read', paths: { args: ['path'], roots: ['.'] } },
  { id: 'fs-write-out', effect: 'allow', tools: 'fs_write', paths: { args: ['path'], roots: ['out'] } },
  { id: 'ask-high', effect: 'ask', minDanger: 'high', reason: 'high-danger tools need a person' },
];

/** A gate over real fs tools in `<dir>/box`, a high-danger `send_report` tool, and a JSONL audit in `<dir>`. */
export async function buildGate(
  dir: string,
  approver?: Approver,
  extra: { approvalTimeoutMs?: number } = {},
) {
  const root = join(dir, 'box');
  await mkdir(join(root, 'out'), { recursive: true });
  const sandbox = await createFsSandbox({ root });
  const fs = createFsTools(sandbox);
  const sent: unknown[] = [];
  const sendReport = defineRegisteredTool<{ to: string; ok?: boolean }>({
    name: 'send_report',
    description: 'Sends the report.',
    danger: 'high',
    cost: 1,
    parameters: {
      type: 'object',
      properties: { to: { type: 'string' }, ok: { type: 'boolean' } },
      required: ['to'],
      additionalProperties: false,
    },
    execute: (args) => {
      sent.push(args);
      return 'sent';
    },
  });
  const registry = new ToolRegistry([fs.write, fs.read, sendReport]);
  const policy = createPermissionPolicy({ rules: GATE_RULES, tools: registry, baseDir: sandbox.root });
  const auditPath = join(dir, 'audit', 'decisions.jsonl');
  const audit = new JsonlAuditLog({ path: auditPath });
  const gate = new ToolGate({
    registry,
    policy,
    audit,
    ...(approver ? { approver } : {}),
    ...(extra.approvalTimeoutMs !== undefined ? { approvalTimeoutMs: extra.approvalTimeoutMs } : {}),
  });
  return { gate, registry, policy, audit, auditPath, sandbox, root: sandbox.root, sent };
}
