import { CliError } from './errors';
import type { RegisteredSuite } from './registry';

/**
 * Resolves `run` arguments to suites: by number (`6`), name (`checkpoints`) or id (`suite6_checkpoints`).
 * No selector means every registered suite. Duplicates are dropped, registry order is kept.
 */
export function selectSuites(
  selectors: readonly string[],
  registry: readonly RegisteredSuite[],
): RegisteredSuite[] {
  if (selectors.length === 0) return [...registry];
  const chosen = new Set<RegisteredSuite>();
  for (const raw of selectors) {
    const selector = raw.trim().toLowerCase();
    const found = registry.find(
      (suite) => String(suite.number) === selector || suite.name === selector || suite.id === selector,
    );
    if (!found) {
      const known = registry.map((suite) => `${suite.number} (${suite.name})`).join(', ');
      throw new CliError(`unknown suite "${raw}": choose one of ${known}, or run \`kaizen-bench list\``);
    }
    chosen.add(found);
  }
  return registry.filter((suite) => chosen.has(suite));
}
