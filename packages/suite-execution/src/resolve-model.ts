import { type LlmProvider, type LlmChoice, resolveProvider } from '@kaizen-bench/agent';
import type { ExecutionModelInfo } from './subject';

/**
 * Picks the model a subject runs on, as `resolveProvider` does (default: the generated tiny model), and
 * describes it for the suite's metadata and rating. Shared by every execution subject, so all runtimes
 * compared run on the same engine and model.
 */
export async function resolveExecutionModel(
  llm: LlmChoice = {},
): Promise<{ provider: LlmProvider; info: ExecutionModelInfo }> {
  const resolved = await resolveProvider({ llm: 'embedded', ...llm });
  const facts = resolved.provider.info();
  return {
    provider: resolved.provider,
    info: {
      engine: facts.engine,
      model: facts.model,
      targetsApply: resolved.targetsApply,
      choice: resolved.reason,
    },
  };
}
