import { buildAgentCard, createSemanticRouter, describeCapabilities } from '@kaizen-bench/agent';
import { expect, it } from 'vitest';
import { DELEGATION_TASKS, MULTI_AGENT_TEAM } from '../src/index';

it('each delegation task is for a different agent, and its expected result is what that tool returns', async () => {
  expect(new Set(DELEGATION_TASKS.map((task) => task.agentId)).size).toBe(MULTI_AGENT_TEAM.length);
  for (const task of DELEGATION_TASKS) {
    const member = MULTI_AGENT_TEAM.find((agent) => agent.id === task.agentId)!;
    const result = await member.tool.execute(task.arguments as never, {
      signal: new AbortController().signal,
      sessionId: 'test',
    });
    expect(result, task.text).toEqual(task.expected);
  }
});

it('the default router sends each delegation task to its agent', async () => {
  const router = await createSemanticRouter({
    routes: MULTI_AGENT_TEAM.map((member) => ({
      id: member.id,
      description: describeCapabilities(
        buildAgentCard({ ...member, name: member.id, url: 'http://127.0.0.1:1/' }),
      ),
    })),
  });
  const decisions = await router.routeMany(DELEGATION_TASKS.map((task) => task.text));
  expect(decisions.map((decision) => decision.agentId)).toEqual(DELEGATION_TASKS.map((task) => task.agentId));
});
