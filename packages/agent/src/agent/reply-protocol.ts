import type { ToolDefinition } from './tool';

/** What the protocol needs of a tool: its name, what it does, and its arguments' JSON Schema. */
export type ProtocolTool = Pick<ToolDefinition, 'name' | 'description' | 'parameters'>;

/** A model reply in the tool protocol: call a tool, or answer. */
export type AgentReply =
  | { type: 'tool_call'; tool: string; arguments: unknown }
  | { type: 'final'; text: string };

/**
 * JSON Schema that replies of an agent with tools are forced into (grammar-constrained decoding):
 * `{ "type": "tool_call", "tool": <one of the tool names>, "arguments": {...} }` or
 * `{ "type": "final", "text": "..." }`. Arguments are any object here; each tool's own schema checks them.
 */
export function buildReplySchema(
  tools: readonly ProtocolTool[],
  toolChoice: 'auto' | 'required' = 'auto',
): object {
  const toolCall = {
    type: 'object',
    properties: {
      type: { const: 'tool_call' },
      tool: { enum: tools.map((t) => t.name) },
      arguments: { type: 'object', additionalProperties: true },
    },
    required: ['type', 'tool', 'arguments'],
    additionalProperties: false,
  };
  // `required`: no final-answer branch, so the grammar admits only a tool call.
  if (toolChoice === 'required') return toolCall;
  return {
    oneOf: [
      toolCall,
      {
        type: 'object',
        properties: { type: { const: 'final' }, text: { type: 'string' } },
        required: ['type', 'text'],
        additionalProperties: false,
      },
    ],
  };
}

/** The system-prompt part that tells the model the tool protocol and lists the tools. */
export function describeToolProtocol(
  tools: readonly ProtocolTool[],
  toolChoice: 'auto' | 'required' = 'auto',
): string {
  const lines = [
    ...(toolChoice === 'required'
      ? [
          'You must call a tool. Reply with one JSON object and nothing else:',
          '{"type":"tool_call","tool":"<tool name>","arguments":{...}}.',
        ]
      : [
          'You can call tools. Reply with one JSON object and nothing else, either',
          '{"type":"tool_call","tool":"<tool name>","arguments":{...}} to call a tool, or',
          '{"type":"final","text":"<your answer>"} to answer.',
        ]),
    'A tool call is answered with "Tool <name> result: <JSON>" or "Tool <name> error: <what went wrong>".',
    'Tools:',
  ];
  for (const tool of tools) {
    lines.push(
      `- ${tool.name}: ${tool.description} Arguments (JSON Schema): ${JSON.stringify(tool.parameters)}`,
    );
  }
  return lines.join('\n');
}

/** Parses a reply text into an {@link AgentReply}, or says why it is not one (to follow "Your reply was"). */
export function parseReply(text: string): { reply: AgentReply } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'not a JSON object' };
  }
  const reply = value as Record<string, unknown>;
  if (reply.type === 'final') {
    if (typeof reply.text !== 'string') return { problem: 'a final answer whose "text" is not a string' };
    return { reply: { type: 'final', text: reply.text } };
  }
  if (reply.type === 'tool_call') {
    if (typeof reply.tool !== 'string') return { problem: 'a tool call whose "tool" is not a string' };
    return { reply: { type: 'tool_call', tool: reply.tool, arguments: reply.arguments } };
  }
  return { problem: 'a JSON object whose "type" is neither "tool_call" nor "final"' };
}

/** What went wrong with a reply that was cut off by the token limit. */
export const TRUNCATED_REPLY_PROBLEM = 'cut off at the token limit before its JSON was complete';

/** The message telling the model its reply broke the protocol; `problem` follows "Your reply was". */
export function describeInvalidReply(problem: string): string {
  return `Your reply was ${problem}. Reply with one JSON object: {"type":"tool_call","tool":"<tool name>","arguments":{...}} or {"type":"final","text":"<your answer>"}.`;
}

function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return JSON.stringify(String(value));
  }
}

/** The message that gives the model a tool call's outcome: `Tool <name> result: <JSON>` or `... error: ...`. */
export function describeToolOutcome(call: {
  tool: string;
  result?: unknown;
  error?: { message: string };
}): string {
  return call.error
    ? `Tool ${call.tool} error: ${call.error.message}`
    : `Tool ${call.tool} result: ${toJson(call.result)}`;
}
