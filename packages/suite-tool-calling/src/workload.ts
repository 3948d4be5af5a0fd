import type { PermissionEffect, PermissionRule } from '@kaizen-bench/agent';
import type { ToolCallSpec, WorkloadTool } from './subject';

/** The tools of the permission workload: a realistic mix of safe, reading, writing and dangerous tools. */
export const WORKLOAD_TOOLS: readonly WorkloadTool[] = [
  { name: 'calculate', danger: 'safe' },
  { name: 'fs_read', danger: 'low' },
  { name: 'fs_list', danger: 'low' },
  { name: 'fs_write', danger: 'medium' },
  { name: 'fs_delete', danger: 'high' },
  { name: 'http_get', danger: 'low', cost: 1 },
  { name: 'http_post', danger: 'high', cost: 2 },
  { name: 'send_email', danger: 'high', cost: 1 },
  { name: 'db_query', danger: 'medium' },
  { name: 'db_migrate', danger: 'high' },
  { name: 'db_drop', danger: 'critical' },
  { name: 'deploy_prod', danger: 'critical' },
  { name: 'shell_exec', danger: 'critical' },
  { name: 'web_search', danger: 'low', cost: 1 },
  { name: 'vector_search', danger: 'low' },
  { name: 'browser_read', danger: 'low' },
  { name: 'browser_click', danger: 'medium' },
  { name: 'mcp__github__create_issue', danger: 'high' },
  { name: 'clipboard_read', danger: 'low' },
];

/** Calls per tool per session before the call budget denies. */
export const CALL_BUDGET = 100_000;
/** Cost units per session before the cost budget denies. */
export const COST_BUDGET = 1_000;

/**
 * 24 ordered rules of every kind — budgets, tool globs, danger levels (sets and minimums), path scopes inside
 * and outside — as a real deployment would write them. First match wins; a call no rule matches is denied.
 */
export const WORKLOAD_RULES: readonly PermissionRule[] = [
  {
    id: 'deny-call-budget',
    effect: 'deny',
    budget: { callsPerTool: CALL_BUDGET },
    reason: 'call budget used up',
  },
  {
    id: 'deny-cost-budget',
    effect: 'deny',
    budget: { totalCost: COST_BUDGET },
    reason: 'cost budget used up',
  },
  { id: 'deny-shell', effect: 'deny', tools: ['shell_*', 'exec_*'], reason: 'no shell access' },
  { id: 'ask-deploy', effect: 'ask', tools: 'deploy_*', reason: 'deployments need a person' },
  { id: 'deny-critical', effect: 'deny', minDanger: 'critical', reason: 'critical tools are off' },
  {
    id: 'fs-outside',
    effect: 'deny',
    tools: 'fs_*',
    paths: { args: ['path'], roots: ['.'], match: 'outside' },
    reason: 'outside the sandbox',
  },
  { id: 'fs-git', effect: 'deny', tools: 'fs_*', paths: { args: ['path'], roots: ['.git'] } },
  { id: 'fs-secrets', effect: 'deny', tools: 'fs_*', paths: { args: ['path'], roots: ['secrets', '.env'] } },
  {
    id: 'fs-write-work',
    effect: 'allow',
    tools: 'fs_write',
    paths: { args: ['path'], roots: ['bench', 'out'] },
  },
  { id: 'ask-fs-delete', effect: 'ask', tools: 'fs_delete' },
  {
    id: 'fs-read',
    effect: 'allow',
    tools: ['fs_read', 'fs_list', 'fs_stat'],
    paths: { args: ['path'], roots: ['.'] },
  },
  {
    id: 'ask-fs-write',
    effect: 'ask',
    tools: 'fs_write',
    reason: 'writes outside bench/ and out/ need a person',
  },
  { id: 'allow-calculate', effect: 'allow', tools: 'calculate', danger: 'safe' },
  { id: 'allow-http-get', effect: 'allow', tools: 'http_get' },
  {
    id: 'ask-http-write',
    effect: 'ask',
    tools: ['http_post', 'http_put', 'http_delete'],
    reason: 'outbound writes',
  },
  { id: 'ask-send', effect: 'ask', tools: 'send_*' },
  { id: 'allow-db-read', effect: 'allow', tools: 'db_query', danger: ['low', 'medium'] },
  { id: 'ask-db-write', effect: 'ask', tools: 'db_*', minDanger: 'high' },
  { id: 'allow-search', effect: 'allow', tools: ['web_search', 'vector_search'] },
  { id: 'deny-browser-actions', effect: 'deny', tools: 'browser_*', minDanger: 'medium' },
  { id: 'allow-browser-read', effect: 'allow', tools: 'browser_*' },
  { id: 'ask-mcp', effect: 'ask', tools: 'mcp__*' },
  { id: 'allow-safe', effect: 'allow', danger: 'safe' },
  { id: 'ask-high', effect: 'ask', minDanger: 'high' },
];

/** A session that has used up its call budget for `web_search`. */
export const OVER_BUDGET_SESSION = 'over-budget';

/** Usage already spent, per session, for the budget rules. */
export function workloadUsage(): Record<string, { callsByTool: Record<string, number>; cost: number }> {
  return { [OVER_BUDGET_SESSION]: { callsByTool: { web_search: CALL_BUDGET }, cost: 10 } };
}

/** One call of the permission mix with the decision the rules must give it. */
export interface PermissionCase {
  call: ToolCallSpec;
  effect: PermissionEffect;
  rule: string | null;
}

const S = 'bench-session';

/**
 * The permission mix: 14 calls covering every effect and rule kind — path scopes inside and outside, danger
 * levels, globs, an exhausted budget, a call no rule matches, an unknown tool. The benchmark cycles through them.
 */
export const PERMISSION_CASES: readonly PermissionCase[] = [
  {
    call: { tool: 'calculate', args: { expression: '2 * (3 + 4)' }, sessionId: S },
    effect: 'allow',
    rule: 'allow-calculate',
  },
  {
    call: { tool: 'fs_read', args: { path: 'notes/todo.md' }, sessionId: S },
    effect: 'allow',
    rule: 'fs-read',
  },
  {
    call: { tool: 'fs_write', args: { path: 'bench/data.txt', content: 'x' }, sessionId: S },
    effect: 'allow',
    rule: 'fs-write-work',
  },
  {
    call: { tool: 'fs_write', args: { path: 'docs/readme.md', content: 'x' }, sessionId: S },
    effect: 'ask',
    rule: 'ask-fs-write',
  },
  {
    call: { tool: 'fs_write', args: { path: '../../etc/passwd', content: 'x' }, sessionId: S },
    effect: 'deny',
    rule: 'fs-outside',
  },
  {
    call: { tool: 'fs_read', args: { path: 'secrets/api-key.txt' }, sessionId: S },
    effect: 'deny',
    rule: 'fs-secrets',
  },
  {
    call: { tool: 'http_post', args: { url: 'https://api.example.com/v1/reports' }, sessionId: S },
    effect: 'ask',
    rule: 'ask-http-write',
  },
  {
    call: { tool: 'db_drop', args: { table: 'users' }, sessionId: S },
    effect: 'deny',
    rule: 'deny-critical',
  },
  {
    call: { tool: 'deploy_prod', args: { version: '1.4.2' }, sessionId: S },
    effect: 'ask',
    rule: 'ask-deploy',
  },
  {
    call: { tool: 'shell_exec', args: { command: 'rm -rf /' }, sessionId: S },
    effect: 'deny',
    rule: 'deny-shell',
  },
  { call: { tool: 'clipboard_read', args: {}, sessionId: S }, effect: 'deny', rule: null },
  {
    call: { tool: 'web_search', args: { query: 'kaizen' }, sessionId: OVER_BUDGET_SESSION },
    effect: 'deny',
    rule: 'deny-call-budget',
  },
  { call: { tool: 'format_disk', args: {}, sessionId: S }, effect: 'deny', rule: null },
  {
    call: { tool: 'browser_click', args: { selector: '#buy' }, sessionId: S },
    effect: 'deny',
    rule: 'deny-browser-actions',
  },
];

/** The approval call of iteration `n`: an `http_post` the rules answer with `ask`, in a session of its own. */
export function approvalCall(n: number): ToolCallSpec {
  return {
    tool: 'http_post',
    args: { url: 'https://api.example.com/v1/reports', body: { report: `weekly-${n}`, rows: 42 }, n },
    sessionId: `approval-${n}`,
  };
}

/** The suite's approver: approves three requests in four (a request whose `n` % 4 is 3 is denied). */
export function expectedApproval(n: number): boolean {
  return n % 4 !== 3;
}
