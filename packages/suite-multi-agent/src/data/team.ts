import { type A2aSkill, defineTool, type ToolDefinition } from '@kaizen-bench/agent';

/**
 * One specialist of the benchmark's team: what its Agent Card says (name, description, skills with tags and
 * examples: the text tasks are routed by) and the one deterministic tool it runs when a task is delegated.
 */
export interface TeamAgent {
  /** The agent's name on its card: routing decisions name it. */
  id: string;
  description: string;
  skills: A2aSkill[];
  tool: ToolDefinition<never>;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const invoiceTotal = defineTool<{ lines: Array<{ quantity: number; unitPrice: number }>; taxRate: number }>({
  name: 'invoice_total',
  description: 'Subtotal, tax and total of invoice lines.',
  parameters: {
    type: 'object',
    properties: {
      lines: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            quantity: { type: 'integer', minimum: 1 },
            unitPrice: { type: 'number', minimum: 0 },
          },
          required: ['quantity', 'unitPrice'],
          additionalProperties: false,
        },
      },
      taxRate: { type: 'number', minimum: 0, maximum: 1 },
    },
    required: ['lines', 'taxRate'],
    additionalProperties: false,
  },
  execute: ({ lines, taxRate }) => {
    const subtotal = round(
      lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
      2,
    );
    const tax = round(subtotal * taxRate, 2);
    return { subtotal, tax, total: round(subtotal + tax, 2) };
  },
});

const meetingEnd = defineTool<{ start: string; minutes: number }>({
  name: 'meeting_end',
  description: 'End time (HH:MM) of a meeting from its start and length.',
  parameters: {
    type: 'object',
    properties: {
      start: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
      minutes: { type: 'integer', minimum: 1, maximum: 1440 },
    },
    required: ['start', 'minutes'],
    additionalProperties: false,
  },
  execute: ({ start, minutes }) => {
    const [h, m] = start.split(':').map(Number) as [number, number];
    const total = (h * 60 + m + minutes) % 1440;
    return {
      end: `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`,
    };
  },
});

const convertTemperature = defineTool<{ value: number; from: 'C' | 'F' }>({
  name: 'convert_temperature',
  description: 'Converts a temperature between Celsius and Fahrenheit.',
  parameters: {
    type: 'object',
    properties: { value: { type: 'number' }, from: { enum: ['C', 'F'] } },
    required: ['value', 'from'],
    additionalProperties: false,
  },
  execute: ({ value, from }) =>
    from === 'F'
      ? { value: round(((value - 32) * 5) / 9, 1), unit: 'C' }
      : { value: round((value * 9) / 5 + 32, 1), unit: 'F' },
});

const GREETINGS: Record<string, string> = {
  hola: 'Spanish',
  bonjour: 'French',
  hallo: 'German',
  ciao: 'Italian',
  olá: 'Portuguese',
  hej: 'Swedish',
  konnichiwa: 'Japanese',
  annyeonghaseyo: 'Korean',
};

const greetingLanguage = defineTool<{ greeting: string }>({
  name: 'greeting_language',
  description: 'Names the language of a common greeting.',
  parameters: {
    type: 'object',
    properties: { greeting: { type: 'string', minLength: 1, maxLength: 40 } },
    required: ['greeting'],
    additionalProperties: false,
  },
  execute: ({ greeting }) => ({ language: GREETINGS[greeting.trim().toLowerCase()] ?? 'unknown' }),
});

const countCodeLines = defineTool<{ source: string }>({
  name: 'count_code_lines',
  description: 'Counts the non-blank and blank lines of source code.',
  parameters: {
    type: 'object',
    properties: { source: { type: 'string', maxLength: 100_000 } },
    required: ['source'],
    additionalProperties: false,
  },
  execute: ({ source }) => {
    const lines = source.replace(/\n$/, '').split('\n');
    const blank = lines.filter((line) => line.trim() === '').length;
    return { lines: lines.length - blank, blank };
  },
});

const tripNights = defineTool<{ checkIn: string; checkOut: string }>({
  name: 'trip_nights',
  description: 'Nights between a check-in and a check-out date (YYYY-MM-DD).',
  parameters: {
    type: 'object',
    properties: {
      checkIn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      checkOut: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    },
    required: ['checkIn', 'checkOut'],
    additionalProperties: false,
  },
  execute: ({ checkIn, checkOut }) => ({
    nights: Math.round((Date.parse(checkOut) - Date.parse(checkIn)) / DAY_MS),
  }),
});

const leaveBalance = defineTool<{ allowanceDays: number; takenDays: number }>({
  name: 'leave_balance',
  description: 'Vacation days left from the yearly allowance and the days taken.',
  parameters: {
    type: 'object',
    properties: { allowanceDays: { type: 'number', minimum: 0 }, takenDays: { type: 'number', minimum: 0 } },
    required: ['allowanceDays', 'takenDays'],
    additionalProperties: false,
  },
  execute: ({ allowanceDays, takenDays }) => ({ remainingDays: Math.max(0, allowanceDays - takenDays) }),
});

const passwordStrength = defineTool<{ password: string }>({
  name: 'password_strength',
  description: 'Scores a password from its length and character classes.',
  parameters: {
    type: 'object',
    properties: { password: { type: 'string', maxLength: 256 } },
    required: ['password'],
    additionalProperties: false,
  },
  execute: ({ password }) => {
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
    const score = Math.min(4, Math.floor(password.length / 4) + classes - 2);
    return { length: password.length, classes, score: Math.max(0, score) };
  },
});

const summaryStatistics = defineTool<{ values: number[] }>({
  name: 'summary_statistics',
  description: 'Count, mean, minimum and maximum of numbers.',
  parameters: {
    type: 'object',
    properties: { values: { type: 'array', items: { type: 'number' }, minItems: 1 } },
    required: ['values'],
    additionalProperties: false,
  },
  execute: ({ values }) => ({
    count: values.length,
    mean: round(values.reduce((sum, v) => sum + v, 0) / values.length, 3),
    min: Math.min(...values),
    max: Math.max(...values),
  }),
});

const noticeDeadline = defineTool<{ signedOn: string; noticeDays: number }>({
  name: 'notice_deadline',
  description: 'Last day to give notice: the signing date plus the notice period in days.',
  parameters: {
    type: 'object',
    properties: {
      signedOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      noticeDays: { type: 'integer', minimum: 0 },
    },
    required: ['signedOn', 'noticeDays'],
    additionalProperties: false,
  },
  execute: ({ signedOn, noticeDays }) => ({ deadline: isoDay(Date.parse(signedOn) + noticeDays * DAY_MS) }),
});

const agent = (
  id: string,
  description: string,
  skills: A2aSkill[],
  tool: ToolDefinition<never>,
): TeamAgent => ({
  id,
  description,
  skills,
  tool,
});

/**
 * The ten specialists every Multi-Agent benchmark works with. Their cards are written the way an agent's
 * author would describe it; the labelled routing tasks (`ROUTING_SET`) were written separately, as requests a
 * user would make, and are not copied from these texts.
 */
export const MULTI_AGENT_TEAM: readonly TeamAgent[] = [
  agent(
    'billing',
    'Billing and payments assistant for customer accounts: invoices, receipts, charges, fees, refunds, account balances, payment methods, prices and subscription plans.',
    [
      {
        id: 'invoices',
        name: 'Invoices, receipts and totals',
        description:
          'Creates, corrects, totals and resends invoices, bills, receipts and statements; adds taxes such as VAT or sales tax; quotes prices, costs and totals for quantities of products, seats or licences.',
        tags: [
          'invoice',
          'bill',
          'receipt',
          'statement',
          'tax',
          'vat',
          'total',
          'price',
          'cost',
          'quote',
          'amount',
          'dollars',
          'euros',
          'order',
        ],
        examples: [
          'Resend the receipt for my last payment.',
          "Add our company tax ID to last month's bill.",
          'How much would five seats cost per year?',
        ],
      },
      {
        id: 'payments',
        name: 'Payments, refunds and subscriptions',
        description:
          'Explains charges, fees and the balance owed; issues refunds and credits for double charges, damaged or returned goods; takes payment by credit card, debit card or bank transfer; updates the payment method; upgrades, downgrades, renews or cancels a subscription plan.',
        tags: [
          'payment',
          'pay',
          'refund',
          'money back',
          'credit',
          'charge',
          'charged',
          'fee',
          'balance',
          'owe',
          'card',
          'declined',
          'bank transfer',
          'subscription',
          'plan',
          'renewal',
          'monthly',
          'yearly',
          'upgrade',
          'downgrade',
          'cancel',
        ],
        examples: [
          'Why was my card charged this month?',
          'I returned the item, when do I get the refund?',
          'Move me to the cheaper plan from next month.',
        ],
      },
    ],
    invoiceTotal as ToolDefinition<never>,
  ),
  agent(
    'calendar',
    'Scheduling and calendar assistant: meetings, calls, appointments, events, agendas, availability, time blocks and reminders.',
    [
      {
        id: 'meetings',
        name: 'Meetings and events',
        description:
          'Schedules, books, reschedules, moves, postpones and cancels meetings, calls, appointments and events; invites attendees; finds a time slot that suits everyone; sets up recurring events such as weekly standups, retros or one-on-ones.',
        tags: [
          'meeting',
          'call',
          'appointment',
          'event',
          'invite',
          'attendees',
          'schedule',
          'reschedule',
          'postpone',
          'slot',
          'recurring',
          'weekly',
          'standup',
          'agenda',
          'calendar',
        ],
        examples: [
          'Book a meeting with the sales team next Tuesday.',
          'Move my 3 pm call to tomorrow.',
          'Set up a monthly review with the whole team.',
        ],
      },
      {
        id: 'reminders',
        name: 'Availability, time blocks and reminders',
        description:
          'Checks when someone is free or busy on a day or at an hour; shows the agenda for a morning, afternoon or week; blocks time for focus work; sets reminders before events; works out when a meeting ends from its start time and length in minutes or hours.',
        tags: [
          'free',
          'busy',
          'available',
          'availability',
          'agenda',
          'block time',
          'focus',
          'reminder',
          'remind',
          'hour',
          'minutes',
          'morning',
          'afternoon',
          'today',
          'tomorrow',
          'monday',
          'friday',
        ],
        examples: [
          'When am I free on Wednesday?',
          'Remind me about the dentist the day before.',
          'What do I have this afternoon?',
        ],
      },
    ],
    meetingEnd as ToolDefinition<never>,
  ),
  agent(
    'weather',
    'Weather assistant: current conditions and forecasts for any city, region or place, today, tonight, tomorrow or for the coming days.',
    [
      {
        id: 'forecast',
        name: 'Forecasts and conditions',
        description:
          'Hourly, daily and multi-day forecasts and the outlook: temperature highs and lows, how hot or cold, warm or chilly it gets; rain, showers, snow, hail, frost, fog, wind and gusts, storms, thunder, heatwaves, humidity, clouds, clear or sunny skies; whether to take an umbrella, a coat or sunscreen.',
        tags: [
          'weather',
          'forecast',
          'outlook',
          'temperature',
          'hot',
          'cold',
          'warm',
          'heat',
          'heatwave',
          'rain',
          'umbrella',
          'snow',
          'frost',
          'wind',
          'windy',
          'storm',
          'humidity',
          'sky',
          'clear',
          'sunny',
          'cloudy',
          'tonight',
          'weekend',
        ],
        examples: [
          'What is the forecast for Paris tomorrow?',
          'Will it rain during the match tonight?',
          'How cold will it be on the mountain?',
        ],
      },
      {
        id: 'units',
        name: 'Temperature units',
        description: 'Converts temperatures between degrees Celsius and degrees Fahrenheit.',
        tags: ['celsius', 'fahrenheit', 'degrees', 'convert'],
        examples: ['Convert 30 degrees Celsius.'],
      },
    ],
    convertTemperature as ToolDefinition<never>,
  ),
  agent(
    'translation',
    'Translation and language assistant: translates and localizes words, phrases, sentences, documents and messages between languages.',
    [
      {
        id: 'translate',
        name: 'Translate',
        description:
          'Translates text into or from English, Spanish, French, German, Dutch, Italian, Portuguese, Chinese, Japanese, Korean and other languages; says how to say a phrase in another language; explains what a foreign word, greeting or expression means.',
        tags: [
          'translate',
          'translation',
          'language',
          'say',
          'word',
          'phrase',
          'mean',
          'meaning',
          'english',
          'spanish',
          'french',
          'german',
          'dutch',
          'italian',
          'portuguese',
          'chinese',
          'japanese',
          'korean',
          'foreign',
        ],
        examples: [
          'Translate "good morning" into Italian.',
          'What does "danke schön" mean?',
          'Put this email into German.',
        ],
      },
      {
        id: 'localize',
        name: 'Localize and identify languages',
        description:
          'Localizes product text, labels, menus, error messages and user interfaces for users in other countries and regions; tells which language a word, greeting or sentence is in.',
        tags: [
          'localize',
          'localization',
          'locale',
          'labels',
          'menu',
          'users',
          'countries',
          'which language',
          'greeting',
        ],
        examples: [
          'Which language is this sentence in?',
          'Adapt our website copy for Canadian French speakers.',
        ],
      },
    ],
    greetingLanguage as ToolDefinition<never>,
  ),
  agent(
    'code_review',
    'Code review and debugging assistant for software developers: reviews source code, finds bugs and explains errors.',
    [
      {
        id: 'review',
        name: 'Code review',
        description:
          'Reviews pull requests, merge requests, diffs, functions, classes, components and scripts for bugs, security vulnerabilities such as injection, memory leaks, performance, readability, naming of variables and style; suggests refactorings and cleaner code; explains linter and compiler warnings.',
        tags: [
          'code',
          'source',
          'pull request',
          'merge',
          'diff',
          'review',
          'bug',
          'refactor',
          'clean',
          'readable',
          'variables',
          'function',
          'class',
          'component',
          'loop',
          'security',
          'injection',
          'leak',
          'linter',
          'imports',
          'snippet',
          'script',
          'file',
          'deploy',
        ],
        examples: [
          'Review my Go handler for race conditions.',
          'Is this regular expression safe?',
          'Simplify this recursive function.',
        ],
      },
      {
        id: 'debug',
        name: 'Debugging and tests',
        description:
          'Explains compiler and build errors, exceptions, crashes and stack traces in Python, TypeScript, JavaScript, React, Java, C, C++, Go, Rust and SQL; finds why code behaves unexpectedly; writes unit tests for modules; counts lines of code.',
        tags: [
          'error',
          'exception',
          'crash',
          'stack trace',
          'compile',
          'build',
          'fails',
          'debug',
          'unit test',
          'module',
          'python',
          'typescript',
          'javascript',
          'react',
          'java',
          'c++',
          'lines of code',
        ],
        examples: ['What does this Java NullPointerException mean?', 'My Rust program panics on startup.'],
      },
    ],
    countCodeLines as ToolDefinition<never>,
  ),
  agent(
    'travel',
    'Travel assistant: plans trips and books flights, hotels, trains, airport transfers and rental cars.',
    [
      {
        id: 'bookings',
        name: 'Bookings and tickets',
        description:
          'Searches, books, changes, upgrades, rebooks and cancels flights, connecting flights, seats, hotel rooms, train tickets, shuttles and rental cars; finds the cheapest or earliest departure; counts the nights of a hotel stay.',
        tags: [
          'flight',
          'fly',
          'airline',
          'airport',
          'seat',
          'business class',
          'hotel',
          'room',
          'stay',
          'nights',
          'train',
          'ticket',
          'departure',
          'booking',
          'book',
          'rebook',
          'shuttle',
          'rent a car',
          'rental car',
        ],
        examples: [
          'Find a hotel in Vienna under 150 euros a night.',
          'Get me on an earlier flight home.',
          'Book a taxi from the station to the hotel.',
        ],
      },
      {
        id: 'trips',
        name: 'Trip planning and travel rules',
        description:
          'Plans trips, itineraries and sightseeing for a city or country; answers questions about visas, passports, entry rules, baggage and luggage allowances, suitcases and connections.',
        tags: [
          'trip',
          'itinerary',
          'sightseeing',
          'visit',
          'tour',
          'visa',
          'passport',
          'baggage',
          'luggage',
          'suitcase',
          'travel',
          'abroad',
        ],
        examples: ['Plan a weekend in Prague.', 'Can I take a power bank in hand luggage?'],
      },
    ],
    tripNights as ToolDefinition<never>,
  ),
  agent(
    'hr',
    'Human resources assistant for employees and managers: time off, leave, benefits, hiring, onboarding, reviews and workplace policies.',
    [
      {
        id: 'leave',
        name: 'Leave and time off',
        description:
          'Vacation and holiday balances, days off, sick days and sick notes, family emergencies, parental and maternity leave, working from home or remote work arrangements.',
        tags: [
          'vacation',
          'holiday',
          'days off',
          'time off',
          'leave',
          'sick',
          'doctor',
          'note',
          'parental',
          'maternity',
          'family',
          'work from home',
          'remote',
          'absence',
        ],
        examples: [
          'Request a week of holiday in August.',
          'How do I record an absence for a medical appointment?',
        ],
      },
      {
        id: 'people',
        name: 'People, benefits and policies',
        description:
          'Employee benefits such as health and dental insurance plans and enrollment; hiring, job openings and postings, interviews; onboarding checklists for new hires; performance reviews; training budgets, courses and conferences; notice periods and resignation; reporting conflicts or harassment with a coworker or manager.',
        tags: [
          'benefits',
          'insurance',
          'dental',
          'health',
          'enroll',
          'hiring',
          'job',
          'opening',
          'candidate',
          'onboarding',
          'new hire',
          'employee',
          'performance review',
          'training',
          'courses',
          'resign',
          'resignation',
          'notice period',
          'policy',
          'coworker',
          'colleague',
          'manager',
          'conflict',
          'complaint',
        ],
        examples: ['What does our health insurance cover?', 'How do I refer a friend for an open role?'],
      },
    ],
    leaveBalance as ToolDefinition<never>,
  ),
  agent(
    'it_support',
    'IT help desk for employees: accounts, passwords, computers, devices, networks and software.',
    [
      {
        id: 'accounts',
        name: 'Accounts and access',
        description:
          'Password resets and password strength checks, forgotten passwords, locked or disabled accounts, login and sign-in problems, two-factor authentication apps and codes, email and mailbox sync problems in Outlook or other mail apps.',
        tags: [
          'password',
          'forgot',
          'login',
          'log in',
          'sign in',
          'account',
          'locked',
          'two-factor',
          'authentication',
          'email',
          'mailbox',
          'inbox',
          'sync',
          'outlook',
          'access',
        ],
        examples: ['Reset my password for the intranet.', 'I cannot sign in to the HR portal.'],
      },
      {
        id: 'devices',
        name: 'Devices, networks and software',
        description:
          'Laptops and computers that are slow or broken, monitors and screens not detected, keyboards, mice, headsets, printers that jam, Wi-Fi dropping, VPN and network connection issues, installing, updating or licensing software on a workstation, hardware replacements.',
        tags: [
          'laptop',
          'computer',
          'workstation',
          'slow',
          'update',
          'monitor',
          'screen',
          'keyboard',
          'mouse',
          'printer',
          'jam',
          'wifi',
          'wi-fi',
          'vpn',
          'network',
          'connect',
          'install',
          'software',
          'replacement',
          'hardware',
        ],
        examples: ['My headset does not work in video calls.', 'The projector in the lobby shows no signal.'],
      },
    ],
    passwordStrength as ToolDefinition<never>,
  ),
  agent(
    'analytics',
    'Data analytics assistant: queries, reports, dashboards, charts and statistics on business data and metrics.',
    [
      {
        id: 'queries',
        name: 'Queries, dashboards and reports',
        description:
          'Writes SQL queries that select, join, group, count and sum tables of orders, customers, signups and events; builds dashboards, reports, charts and plots of metrics such as revenue, sales, active users, conversions and traffic; pivots spreadsheets by region, month or category.',
        tags: [
          'sql',
          'query',
          'table',
          'join',
          'count',
          'sum',
          'dashboard',
          'report',
          'chart',
          'plot',
          'spreadsheet',
          'pivot',
          'metrics',
          'kpi',
          'revenue',
          'sales',
          'users',
          'signups',
          'conversions',
          'traffic',
          'per month',
          'per country',
          'top ten',
        ],
        examples: [
          'Show daily orders for the last 30 days.',
          'Which marketing channel brings the most customers?',
        ],
      },
      {
        id: 'statistics',
        name: 'Statistics and trends',
        description:
          'Computes averages, means, medians, minimum and maximum, percentiles and totals of numbers; finds trends, growth, drops, anomalies and outliers; forecasts churn and demand; compares cohorts and retention; tests whether a change is statistically significant.',
        tags: [
          'average',
          'mean',
          'median',
          'min',
          'max',
          'percentile',
          'statistics',
          'statistically significant',
          'trend',
          'growth',
          'grew',
          'drop',
          'outliers',
          'anomaly',
          'forecast',
          'churn',
          'cohort',
          'retention',
          'numbers',
          'data',
          'quarter',
          'category',
        ],
        examples: [
          'What is the median session length?',
          'Did the new pricing change the average basket size?',
        ],
      },
    ],
    summaryStatistics as ToolDefinition<never>,
  ),
  agent(
    'legal',
    'Legal assistant: contracts, agreements, compliance, privacy, data protection and intellectual property.',
    [
      {
        id: 'contracts',
        name: 'Contracts and agreements',
        description:
          'Reviews and drafts contracts, NDAs, supplier and customer agreements, terms and clauses on liability, indemnity, termination, notice periods and deadlines, breach and remedies, non-compete and confidentiality; explains whether an agreement is legally binding or enforceable before you sign.',
        tags: [
          'contract',
          'nda',
          'agreement',
          'clause',
          'liability',
          'indemnity',
          'terminate',
          'termination',
          'notice',
          'deadline',
          'breach',
          'supplier',
          'non-compete',
          'binding',
          'enforce',
          'legal',
          'legally',
          'sign',
          'lawyer',
        ],
        examples: ['Is this indemnity clause standard?', 'Can we end the lease early?'],
      },
      {
        id: 'compliance',
        name: 'Compliance, privacy and intellectual property',
        description:
          'GDPR and privacy compliance, personal and customer data storage and transfers between the EU and the US, user consent and cookies, privacy policies, terms of service; trademarks, logos, copyright infringement, patents and open source software licences for commercial use.',
        tags: [
          'gdpr',
          'privacy',
          'privacy policy',
          'personal data',
          'customer data',
          'eu',
          'compliance',
          'consent',
          'cookies',
          'terms of service',
          'trademark',
          'logo',
          'copyright',
          'copied',
          'patent',
          'licence',
          'open source',
          'commercial use',
          'law',
          'allowed',
        ],
        examples: [
          'Do we need a data processing agreement with our vendor?',
          'Can we use this photo from a website in our ads?',
        ],
      },
    ],
    noticeDeadline as ToolDefinition<never>,
  ),
];
