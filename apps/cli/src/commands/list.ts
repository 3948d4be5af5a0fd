import type { CliIo } from '../io';
import { suiteRegistry } from '../registry';

/** `kaizen-bench list`: every registered suite with its benchmarks, what each times, and its targets. */
export async function listCommand(options: { json?: boolean }, io: CliIo): Promise<number> {
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
