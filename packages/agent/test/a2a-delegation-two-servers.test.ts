import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type A2aServer,
  createSupervisor,
  DelegationNoRouteError,
  defineTool,
  serveA2aAgent,
  type Supervisor,
  toolTaskHandler,
} from '../src/index';

const add = defineTool<{ a: number; b: number }>({
  name: 'add_numbers',
  description: 'Adds two numbers.',
  parameters: {
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
    required: ['a', 'b'],
  },
  execute: ({ a, b }) => ({ sum: a + b }),
});
const toMs = defineTool<{ minutes: number }>({
  name: 'minutes_to_ms',
  description: 'Converts minutes to milliseconds.',
  parameters: { type: 'object', properties: { minutes: { type: 'number' } }, required: ['minutes'] },
  execute: ({ minutes }) => ({ ms: minutes * 60_000 }),
});

let calculator: A2aServer;
let converter: A2aServer;
let supervisor: Supervisor;

beforeAll(async () => {
  calculator = await serveA2aAgent({
    name: 'calculator',
    description: 'Arithmetic: adds, sums and totals numbers.',
    skills: [
      { id: 'add', name: 'Addition', description: 'Adds numbers together', tags: ['math', 'sum', 'plus'] },
    ],
    handler: toolTaskHandler([add]),
  });
  converter = await serveA2aAgent({
    name: 'unit-converter',
    description: 'Converts durations between units of time.',
    skills: [
      {
        id: 'time',
        name: 'Time units',
        description: 'Minutes, seconds and hours to milliseconds',
        tags: ['duration'],
      },
    ],
    handler: toolTaskHandler([toMs]),
  });
  supervisor = await createSupervisor({ workers: [calculator.url, converter.url] });
});

afterAll(async () => {
  await supervisor?.close();
  await calculator?.close();
  await converter?.close();
});

it('discovers the workers by their Agent Cards', () => {
  expect(supervisor.workers.map((worker) => worker.name)).toEqual(['calculator', 'unit-converter']);
  expect(supervisor.router.routes.map((route) => route.id)).toEqual(['calculator', 'unit-converter']);
  expect(supervisor.router.routes[0]?.description).toContain('Adds numbers together');
});

it('routes each task to the right worker, which runs it over A2A; the result comes back', async () => {
  const sum = await supervisor.delegate({
    text: 'What is the sum of 19 plus 23?',
    data: { arguments: { a: 19, b: 23 } },
  });
  expect(sum.agentId).toBe('calculator');
  expect(sum.reply.data).toEqual({ tool: 'add_numbers', result: { sum: 42 } });
  expect(sum.decision).toMatchObject({ reason: 'matched', fallback: false });

  const ms = await supervisor.delegate({
    text: 'How many milliseconds is a duration of 1.5 minutes?',
    data: { arguments: { minutes: 1.5 } },
  });
  expect(ms.agentId).toBe('unit-converter');
  expect(ms.reply.data).toEqual({ tool: 'minutes_to_ms', result: { ms: 90_000 } });
  expect(ms.timings.totalMs).toBeGreaterThanOrEqual(ms.timings.remoteMs);
  expect(calculator.messagesHandled).toBe(1);
  expect(converter.messagesHandled).toBe(1);
});

it('does not delegate a task no worker matches: DelegationNoRouteError, nothing sent', async () => {
  const before = calculator.messagesHandled + converter.messagesHandled;
  const error = await supervisor.delegate('Zebra giraffe savanna').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DelegationNoRouteError);
  expect(error).toMatchObject({
    code: 'DELEGATION_NO_ROUTE',
    decision: { fallback: true, reason: 'below_threshold' },
  });
  await expect(supervisor.delegate('   ')).rejects.toMatchObject({ decision: { reason: 'empty_input' } });
  expect(calculator.messagesHandled + converter.messagesHandled).toBe(before);
});

it('sends unmatched tasks to a fallback worker when one is set; refuses duplicate or unknown names', async () => {
  const withFallback = await createSupervisor({
    workers: [calculator.url, converter.url],
    fallbackWorker: 'calculator',
  });
  const result = await withFallback.delegate({
    text: 'Zebra giraffe savanna',
    data: { arguments: { a: 1, b: 1 } },
  });
  expect(result).toMatchObject({
    agentId: 'calculator',
    decision: { fallback: true, agentId: 'calculator' },
  });
  await expect(createSupervisor({ workers: [calculator.url, calculator.url] })).rejects.toMatchObject({
    code: 'ROUTING_INVALID_CONFIG',
  });
  await expect(createSupervisor({ workers: [calculator.url], fallbackWorker: 'nobody' })).rejects.toThrow(
    /fallbackWorker "nobody" is not a worker/,
  );
  await expect(createSupervisor({ workers: [] })).rejects.toMatchObject({ code: 'ROUTING_INVALID_CONFIG' });
});
