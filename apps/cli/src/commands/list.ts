import type { CliIo } from '../io';
import { suiteRegistry } from '../registry';
import { listSubjects } from '../subjects';

/** `list --subjects`: each subject `run --subject` takes, what it runs on and which suites it offers. */
async function listSubjectsCommand(options: { json?: boolean }, io: CliIo): Promise<number> {
  const subjects = await listSubjects();
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify(
        subjects.map((s) => ({ ...s, suites: s.suites ?? 'all' })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  for (const subject of subjects) {
    const suites = subject.suites ? subject.suites.join(', ') : 'all';
    const pg = subject.needsPgUrl ? '; needs --pg-url or KAIZEN_BENCH_PG_URL' : '';
    io.stdout.write(`${subject.name}  ${subject.description}\n   suites: ${suites}${pg}\n`);
  }
  return 0;
}

/** `kaizen-bench list`: every registered suite with its benchmarks, what each times, and its targets. */
export async function listCommand(
  options: { json?: boolean; subjects?: boolean },
  io: CliIo,
): Promise<number> {
  if (options.subjects) return listSubjectsCommand(options, io);
  const suites = await Promise.all(
    suiteRegistry.map(async (entry) => ({ entry, suite: await entry.create({ llm: { llm: 'auto' } }) })),
  );
  if (options.json) {
    const listing = suites.map(({ entry, suite }) => ({
      number: entry.number,
      name: entry.name,
      id: suite.id,
      package: entry.packageName,
      benchmarks: suite.benchmarks.map(({ id, name, description, target }) => ({
        id,
        name,
        description,
        target: target ?? null,
      })),
    }));
    io.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
    return 0;
  }
  for (const { entry, suite } of suites) {
    io.stdout.write(`${entry.number}  ${entry.name}  (${suite.id}, ${entry.packageName})\n`);
    for (const bench of suite.benchmarks) {
      const target = bench.target
        ? `p50 target ${bench.target.targetMs} ms, excellent < ${bench.target.excellentMs} ms`
        : 'no target';
      io.stdout.write(`   ${bench.name} [${bench.id}] - ${target}\n      ${bench.description}\n`);
    }
  }
  return 0;
}
