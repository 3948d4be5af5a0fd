import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureTinyModel, LlamaCppProvider } from '../src/index';

let provider: LlamaCppProvider;
beforeAll(async () => {
  provider = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }), threads: 1 });
});
afterAll(() => provider.close());

it('constrains output to a JSON schema so it parses and matches the schema', async () => {
  const schema = {
    type: 'object',
    properties: {
      verdict: { enum: ['approve', 'deny'] },
      urgent: { type: 'boolean' },
      tool: { type: 'string', maxLength: 8 },
    },
    required: ['verdict', 'urgent', 'tool'],
  };
  for (const seed of [1, 2, 3]) {
    const result = await provider.chat([{ role: 'user', content: 'Decide.' }], {
      jsonSchema: schema,
      temperature: 0.8,
      seed,
      maxTokens: 200,
    });
    const value = JSON.parse(result.text) as { verdict: string; urgent: unknown; tool: unknown };
    expect(['approve', 'deny']).toContain(value.verdict);
    expect(typeof value.urgent).toBe('boolean');
    expect(typeof value.tool).toBe('string');
    expect((value.tool as string).length).toBeLessThanOrEqual(8);
  }
});
