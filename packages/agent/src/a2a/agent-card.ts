import type { AgentCard } from '@a2a-js/sdk';
import { A2aConfigError } from './errors';

/** Path of the Agent Card, from the server's root (A2A 1.0 well-known URI). */
export const AGENT_CARD_PATH = '/.well-known/agent-card.json';
/** Path of the JSON-RPC endpoint of servers made by `serveA2aAgent`. */
export const A2A_JSONRPC_PATH = '/a2a/jsonrpc';

/** One skill on an Agent Card: what the agent can do, in words a router or a person can match tasks against. */
export interface A2aSkill {
  /** Unique within the card. */
  id: string;
  name: string;
  description: string;
  /** Keywords. @default [] */
  tags?: string[];
  /** Example requests the skill handles. @default [] */
  examples?: string[];
}

/** What an Agent Card says about an agent (the rest is filled in). */
export interface AgentCardOptions {
  /** The agent's name: routing ids and `serveA2aAgent` results use it. */
  name: string;
  /** What the agent does, in a sentence or two. */
  description: string;
  /** @default '1.0.0' */
  version?: string;
  /** @default one skill named after the agent, with its description */
  skills?: A2aSkill[];
}

/**
 * A complete A2A 1.0 Agent Card for an agent reachable over JSON-RPC at `url`: text and JSON in and out, no
 * streaming, no push notifications, no authentication (loopback only).
 */
export function buildAgentCard(options: AgentCardOptions & { url: string }): AgentCard {
  const { name, description } = options;
  if (typeof name !== 'string' || name.trim().length === 0) {
    throw new A2aConfigError('A2A agent name is empty', 'give the agent a name');
  }
  if (typeof description !== 'string' || description.trim().length === 0) {
    throw new A2aConfigError(`A2A agent "${name}" has no description`, 'describe what the agent does');
  }
  const skills = options.skills ?? [{ id: name, name, description }];
  const ids = new Set<string>();
  for (const skill of skills) {
    if (!skill.id || ids.has(skill.id)) {
      throw new A2aConfigError(
        `A2A agent "${name}" has an empty or repeated skill id "${skill.id}"`,
        'give each skill a unique id',
      );
    }
    ids.add(skill.id);
  }
  return {
    name,
    description,
    supportedInterfaces: [
      { url: options.url, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' },
    ],
    provider: undefined,
    version: options.version ?? '1.0.0',
    capabilities: { streaming: false, pushNotifications: false, extensions: [], extendedAgentCard: false },
    securitySchemes: {},
    securityRequirements: [],
    defaultInputModes: ['text/plain', 'application/json'],
    defaultOutputModes: ['text/plain', 'application/json'],
    skills: skills.map((skill) => ({
      id: skill.id,
      name: skill.name,
      description: skill.description,
      tags: skill.tags ?? [],
      examples: skill.examples ?? [],
      inputModes: [],
      outputModes: [],
      securityRequirements: [],
    })),
    signatures: [],
  };
}

/**
 * The text a semantic router compares tasks with: the card's description and, per skill, its name,
 * description, tags and examples.
 */
export function describeCapabilities(card: Pick<AgentCard, 'description' | 'skills'>): string {
  const lines = [card.description];
  for (const skill of card.skills ?? []) {
    lines.push(`${skill.name}: ${skill.description}`);
    if (skill.tags?.length) lines.push(skill.tags.join(', '));
    for (const example of skill.examples ?? []) lines.push(example);
  }
  return lines.join('\n');
}
