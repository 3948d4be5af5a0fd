import type { IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP error with the `{ "error": ... }` body Ollama sends. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new HttpError(400, 'invalid JSON request body');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
  });
  res.end(data);
}

/** Starts an NDJSON stream (one JSON object per line), as Ollama streams. */
export function startNdjson(res: ServerResponse): (line: unknown) => void {
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  return (line) => {
    res.write(`${JSON.stringify(line)}\n`);
  };
}
