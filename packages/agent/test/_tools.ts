import { defineTool } from '../src/index';

/** Adds two numbers; counts its executions. */
export function makeAddTool() {
  const executed: Array<{ a: number; b: number }> = [];
  const tool = defineTool<{ a: number; b: number }>({
    name: 'add',
    description: 'Adds two numbers.',
    parameters: {
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
      additionalProperties: false,
    },
    execute: (args) => {
      executed.push(args);
      return args.a + args.b;
    },
  });
  return { tool, executed };
}

/** Returns its text. */
export const echoTool = defineTool<{ text: string }>({
  name: 'echo',
  description: 'Returns the text it is given.',
  parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  execute: ({ text }) => text,
});
