import type { Message, Part } from '@a2a-js/sdk';
import type { JsonValue } from '../checkpoint/state';

/** What one A2A message carries here: text parts (joined) and at most one structured JSON data part. */
export interface A2aPayload {
  /** Text of the message. @default '' */
  text?: string;
  /** Structured JSON (an A2A `data` part), e.g. a tool's arguments or result. */
  data?: JsonValue;
}

/** A2A `Role` values (protocol buffers enum numbers, stable across SDK versions). */
export const ROLE_USER = 1;
export const ROLE_AGENT = 2;

/** The A2A parts of a payload: a `text/plain` part when there is text (or no data), then an `application/json` data part. */
export function toParts(payload: A2aPayload): Part[] {
  const parts: Part[] = [];
  if (payload.text || payload.data === undefined) {
    parts.push({
      content: { $case: 'text', value: payload.text ?? '' },
      metadata: undefined,
      filename: '',
      mediaType: 'text/plain',
    });
  }
  if (payload.data !== undefined) {
    parts.push({
      content: { $case: 'data', value: payload.data },
      metadata: undefined,
      filename: '',
      mediaType: 'application/json',
    });
  }
  return parts;
}

/** A payload read back from parts: text parts joined with newlines, the first data part. */
export function fromParts(parts: readonly Part[] | undefined): { text: string; data: JsonValue | undefined } {
  const texts: string[] = [];
  let data: JsonValue | undefined;
  for (const part of parts ?? []) {
    const content = part?.content;
    if (content?.$case === 'text') texts.push(content.value);
    else if (content?.$case === 'data' && data === undefined) data = content.value as JsonValue;
  }
  return { text: texts.join('\n'), data };
}

/** A complete A2A message (every field the protocol types require). */
export function buildMessage(
  role: number,
  payload: A2aPayload,
  ids: { contextId?: string; taskId?: string } = {},
): Message {
  return {
    messageId: globalThis.crypto.randomUUID(),
    contextId: ids.contextId ?? '',
    taskId: ids.taskId ?? '',
    role,
    parts: toParts(payload),
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  };
}
