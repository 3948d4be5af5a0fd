import type { JsonValue } from '@kaizen-bench/agent';

/** A task the supervisor delegates: its text (routed on), the tool arguments, and what must come back. */
export interface DelegationTask {
  text: string;
  arguments: JsonValue;
  /** The team agent that must get it. */
  agentId: string;
  /** The JSON result its tool must return. */
  expected: JsonValue;
}

/** One delegation task per team agent, each with arguments for that agent's tool and the exact result. */
export const DELEGATION_TASKS: readonly DelegationTask[] = [
  {
    text: 'Total this invoice: 3 licences at 49 each and one support pack at 120, with 20% tax.',
    arguments: {
      lines: [
        { quantity: 3, unitPrice: 49 },
        { quantity: 1, unitPrice: 120 },
      ],
      taxRate: 0.2,
    },
    agentId: 'billing',
    expected: { subtotal: 267, tax: 53.4, total: 320.4 },
  },
  {
    text: 'A meeting starts at 09:45 and lasts 25 minutes: when does the meeting end?',
    arguments: { start: '09:45', minutes: 25 },
    agentId: 'calendar',
    expected: { end: '10:10' },
  },
  {
    text: 'Convert a temperature of 72 degrees Fahrenheit to Celsius.',
    arguments: { value: 72, from: 'F' },
    agentId: 'weather',
    expected: { value: 22.2, unit: 'C' },
  },
  {
    text: "Which language is the greeting 'bonjour'?",
    arguments: { greeting: 'bonjour' },
    agentId: 'translation',
    expected: { language: 'French' },
  },
  {
    text: 'Count the lines of code in this source file, ignoring blank lines.',
    arguments: { source: 'const a = 1;\n\nconsole.log(a);\n' },
    agentId: 'code_review',
    expected: { lines: 2, blank: 1 },
  },
  {
    text: 'How many nights is a hotel stay from 2026-06-03 to 2026-06-10?',
    arguments: { checkIn: '2026-06-03', checkOut: '2026-06-10' },
    agentId: 'travel',
    expected: { nights: 7 },
  },
  {
    text: 'My vacation allowance is 25 days and I have taken 9 days off: how many vacation days are left?',
    arguments: { allowanceDays: 25, takenDays: 9 },
    agentId: 'hr',
    expected: { remainingDays: 16 },
  },
  {
    text: "Check how strong the password 'Summer2024!' is.",
    arguments: { password: 'Summer2024!' },
    agentId: 'it_support',
    expected: { length: 11, classes: 4, score: 4 },
  },
  {
    text: 'Give me the average, minimum and maximum of these numbers: 120, 80, 95, 300, 105.',
    arguments: { values: [120, 80, 95, 300, 105] },
    agentId: 'analytics',
    expected: { count: 5, mean: 140, min: 80, max: 300 },
  },
  {
    text: 'The contract was signed on 2026-03-01 with a 90 day notice period: what is the termination deadline?',
    arguments: { signedOn: '2026-03-01', noticeDays: 90 },
    agentId: 'legal',
    expected: { deadline: '2026-05-30' },
  },
];
