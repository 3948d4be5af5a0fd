import type { SuiteDefinition, SuiteResult } from '@kaizen-bench/harness';
import { writeSuiteResults } from '@kaizen-bench/harness';
import { CliError } from './errors';
import type { RegisteredSuite, SuiteFactoryOptions } from './registry';

/** The default subject: the suites' own subject, `@kaizen-bench/agent`. */
export const DEFAULT_SUBJECT = 'kaizen';

/** Suite metadata key naming the CLI subject of a result; absent on results of the default subject. */
export const SUBJECT_METADATA_KEY = 'subject_id';

/** One subject the CLI can run suites on. */
export interface CliSubject {
  name: string;
  description: string;
  needsPgUrl: boolean;
  /** Suite names it offers; undefined = every suite. */
  suites?: readonly string[];
}

/** The adapter loads only when a LangGraph subject is asked for, so plain runs never load LangGraph. */
const loadAdapter = () => import('@kaizen-bench/adapter-langgraph');

/** Every subject: the default first, then the adapters' (this loads the adapters). */
export async function listSubjects(): Promise<CliSubject[]> {
  const adapter = await loadAdapter();
  const langgraphSuites = Object.keys(adapter.LANGGRAPH_SUITE_FACTORIES);
  return [
    {
      name: DEFAULT_SUBJECT,
      description: 'the reference runtime @kaizen-bench/agent (default)',
      needsPgUrl: false,
    },
    ...adapter.LANGGRAPH_SUBJECTS.map((subject) => ({
      name: subject.name,
      description: subject.description,
      needsPgUrl: subject.needsPgUrl,
      suites: langgraphSuites,
    })),
  ];
}

/**
 * Parses `--subject a,b` into known subject names (order kept, duplicates dropped).
 * @throws CliError for an unknown name, or a subject needing PostgreSQL without a URL
 */
export async function resolveSubjects(raw: string, pgUrl: string | undefined): Promise<string[]> {
  const names = [...new Set(raw.split(',').map((name) => name.trim().toLowerCase()))].filter(Boolean);
  if (names.length === 0)
    throw new CliError('--subject needs at least one name: e.g. --subject kaizen,langgraph-memory');
  if (names.every((name) => name === DEFAULT_SUBJECT)) return names;
  const known = await listSubjects();
  for (const name of names) {
    const subject = known.find((s) => s.name === name);
    if (!subject) {
      throw new CliError(
        `unknown subject "${name}": choose from ${known.map((s) => s.name).join(', ')} (kaizen-bench list --subjects)`,
      );
    }
    if (subject.needsPgUrl && !pgUrl) {
      throw new CliError(`subject ${name} needs PostgreSQL: pass --pg-url <url> or set KAIZEN_BENCH_PG_URL`);
    }
  }
  return names;
}

/**
 * Builds `entry` on `subject`; undefined when the subject does not offer that suite. Results of a subject
 * other than the default carry its name in the suite metadata ({@link SUBJECT_METADATA_KEY}).
 */
export async function createSuiteFor(
  entry: RegisteredSuite,
  subject: string,
  options: SuiteFactoryOptions,
  onNotice: (line: string) => void,
): Promise<SuiteDefinition | undefined> {
  if (subject === DEFAULT_SUBJECT) return entry.create(options);
  const adapter = await loadAdapter();
  const suite = await adapter.createLanggraphSuite(entry.name, subject, {
    llm: options.llm,
    onNotice,
    ...(options.pgUrl ? { pgUrl: options.pgUrl } : {}),
  });
  if (!suite) return undefined;
  return { ...suite, metadata: { ...suite.metadata, [SUBJECT_METADATA_KEY]: subject } };
}

/** The subject a result was measured on: its metadata's subject id, else the default. */
export function subjectOf(result: SuiteResult): string {
  const value = result.metadata?.[SUBJECT_METADATA_KEY];
  return typeof value === 'string' && value !== '' ? value : DEFAULT_SUBJECT;
}

/**
 * A results file name: `<suite id>_results.json` for the default subject (the seed's name),
 * `<suite id>.<subject>_results.json` for others, so every `*_results.json` reader still finds them.
 */
export function resultsFileName(suiteId: string, subject: string): string {
  return subject === DEFAULT_SUBJECT ? `${suiteId}_results.json` : `${suiteId}.${subject}_results.json`;
}

/** Writes a result to its subject's file in `outDir`, validated and atomically (the harness writer). */
export function writeSubjectResults(result: SuiteResult, outDir: string): Promise<string> {
  return writeSuiteResults(result, outDir, {
    fileName: resultsFileName(result.suite_id, subjectOf(result)),
  });
}
