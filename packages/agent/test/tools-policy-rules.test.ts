import { expect, it } from 'vitest';
import {
  createPermissionPolicy,
  type DangerLevel,
  DEFAULT_DENY,
  type PermissionRule,
  PermissionRuleError,
  UsageLedger,
} from '../src/index';

const tools = new Map<string, { danger: DangerLevel; cost?: number }>([
  ['calculate', { danger: 'safe' }],
  ['fs_read', { danger: 'low' }],
  ['fs_write', { danger: 'medium' }],
  ['fs_delete', { danger: 'high' }],
  ['http_post', { danger: 'high', cost: 2 }],
  ['db_drop', { danger: 'critical' }],
  ['deploy_prod', { danger: 'critical' }],
  ['vector_search', { danger: 'low' }],
]);

const rules: PermissionRule[] = [
  { id: 'calls-budget', effect: 'deny', budget: { callsPerTool: 3 }, reason: 'call budget used up' },
  { id: 'cost-budget', effect: 'deny', budget: { totalCost: 5 } },
  { id: 'ask-deploy', effect: 'ask', tools: 'deploy_*' },
  { id: 'deny-critical', effect: 'deny', minDanger: 'critical' },
  {
    id: 'fs-outside',
    effect: 'deny',
    tools: 'fs_*',
    paths: { args: ['path'], roots: ['/srv/box'], match: 'outside' },
  },
  { id: 'fs-secrets', effect: 'deny', tools: 'fs_*', paths: { args: ['path'], roots: ['secrets'] } },
  { id: 'ask-delete', effect: 'ask', tools: 'fs_delete' },
  { id: 'fs-read', effect: 'allow', tools: ['fs_read', 'fs_list'], paths: { args: ['path'], roots: ['.'] } },
  {
    id: 'fs-write-out',
    effect: 'allow',
    tools: 'fs_write',
    paths: { args: ['path'], roots: ['out', 'tmp'] },
  },
  { id: 'ask-fs-write', effect: 'ask', tools: 'fs_write' },
  { id: 'safe', effect: 'allow', danger: 'safe' },
  { id: 'ask-high', effect: 'ask', danger: ['high'] },
];

function policy(usage?: UsageLedger) {
  return createPermissionPolicy({ rules, tools, baseDir: '/srv/box', ...(usage ? { usage } : {}) });
}

it('the first matching rule decides, and says which rule it was', () => {
  const p = policy();
  const decide = (tool: string, args: unknown = {}) => {
    const { effect, rule } = p.check({ tool, args }, { sessionId: 's' });
    return `${effect}:${rule}`;
  };
  expect(decide('calculate', { expression: '1+1' })).toBe('allow:safe');
  expect(decide('fs_read', { path: 'notes/a.txt' })).toBe('allow:fs-read');
  expect(decide('fs_read', { path: '/srv/box/notes/a.txt' })).toBe('allow:fs-read');
  expect(decide('fs_read', { path: 'secrets/key.pem' })).toBe('deny:fs-secrets');
  expect(decide('fs_read', { path: '../etc/passwd' })).toBe('deny:fs-outside');
  expect(decide('fs_read', { path: 'a/../../etc' })).toBe('deny:fs-outside');
  expect(decide('fs_read', { path: '/srv/boxer/a' })).toBe('deny:fs-outside'); // a sibling, not inside
  expect(decide('fs_read', { path: 'ok\0/../..' })).toBe('deny:fs-outside');
  expect(decide('fs_read', { path: 42 })).toBe('deny:fs-outside');
  expect(decide('fs_write', { path: 'out/report.md' })).toBe('allow:fs-write-out');
  expect(decide('fs_write', { path: 'docs/report.md' })).toBe('ask:ask-fs-write');
  expect(decide('fs_delete', { path: 'out/x' })).toBe('ask:ask-delete');
  expect(decide('deploy_prod')).toBe('ask:ask-deploy'); // before deny-critical
  expect(decide('db_drop')).toBe('deny:deny-critical');
  expect(decide('http_post', { url: 'https://x' })).toBe('ask:ask-high');
  expect(decide('vector_search')).toBe('deny:null'); // known tool, no rule: deny by default
  expect(p.check({ tool: 'vector_search', args: {} }, { sessionId: 's' })).toBe(DEFAULT_DENY);
  expect(p.check({ tool: 'nope', args: {} }, { sessionId: 's' })).toEqual({
    allow: false,
    effect: 'deny',
    rule: null,
    reason: 'unknown tool "nope"',
  });
  // A path rule needs its argument: fs_read without a path falls through to the default deny.
  expect(decide('fs_read', {})).toBe('deny:null');
});

it('decisions carry the reason and only allow is allow; a repeated check allocates no new decision', () => {
  const p = policy();
  const call = { tool: 'fs_read', args: { path: 'a.txt' } };
  const first = p.check(call, { sessionId: 's' });
  expect(first).toEqual({ allow: true, effect: 'allow', rule: 'fs-read', reason: 'allow by rule "fs-read"' });
  expect(p.check(call, { sessionId: 's' })).toBe(first);
  expect(p.check({ tool: 'fs_write', args: { path: 'x' } }, { sessionId: 's' }).allow).toBe(false); // ask
});

it('budget rules deny once a session used up its calls per tool or its cost, per session', () => {
  const usage = new UsageLedger();
  const p = policy(usage);
  const read = { tool: 'fs_read', args: { path: 'a.txt' } };
  for (let i = 0; i < 3; i++) {
    expect(p.check(read, { sessionId: 'a' }).rule).toBe('fs-read');
    usage.record('a', 'fs_read');
  }
  expect(p.check(read, { sessionId: 'a' })).toMatchObject({
    effect: 'deny',
    rule: 'calls-budget',
    reason: 'call budget used up',
  });
  expect(p.check(read, { sessionId: 'b' }).rule).toBe('fs-read');
  // Cost: http_post costs 2; after 4 spent, 4 + 2 > 5 denies; cost-free tools still pass.
  usage.record('b', 'http_post', { cost: 2 });
  usage.record('b', 'http_post', { cost: 2 });
  expect(p.check({ tool: 'http_post', args: {} }, { sessionId: 'b' }).rule).toBe('cost-budget');
  expect(p.check({ tool: 'calculate', args: {} }, { sessionId: 'b' }).rule).toBe('safe');
});

it('the ledger keeps at most maxSessions sessions, dropping the least recently recorded', () => {
  const usage = new UsageLedger({ maxSessions: 2 });
  usage.record('a', 't');
  usage.record('b', 't');
  usage.record('a', 't');
  usage.record('c', 't');
  expect([usage.calls('a', 't'), usage.calls('b', 't'), usage.calls('c', 't')]).toEqual([2, 0, 1]);
});

it('malformed rules are refused up front, naming the rule and field', () => {
  const bad: Array<[unknown, RegExp]> = [
    [{ id: 'a', effect: 'maybe' }, /rules\[0\]\.effect must be 'allow', 'deny' or 'ask'/],
    [{ id: '', effect: 'allow' }, /rules\[0\]\.id must be a non-empty string/],
    [{ id: 'a', effect: 'allow', tool: 'x' }, /rules\[0\]\.tool is not a rule field/],
    [{ id: 'a', effect: 'allow', danger: 'scary' }, /rules\[0\]\.danger must be levels/],
    [
      { id: 'a', effect: 'allow', paths: { args: [], roots: ['.'] } },
      /paths\.args must be a non-empty array/,
    ],
    [{ id: 'a', effect: 'deny', budget: {} }, /budget must set callsPerTool and\/or totalCost/],
    [{ id: 'a', effect: 'deny', tools: [] }, /tools must be a glob/],
  ];
  for (const [rule, message] of bad) {
    expect(() => createPermissionPolicy({ rules: [rule as PermissionRule], tools }), String(message)).toThrow(
      message,
    );
  }
  const dup = () =>
    createPermissionPolicy({
      rules: [
        { id: 'x', effect: 'allow' },
        { id: 'x', effect: 'deny' },
      ],
      tools,
    });
  expect(dup).toThrow(PermissionRuleError);
  expect(dup).toThrow(/rules\[1\]\.id "x" is used by another rule/);
});
